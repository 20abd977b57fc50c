/**
 * Line starts of a text, for rules and ignore comments that reason in lines, and for the CLI's positions (the editor's
 * are made by lsp/convert.ts from its documents; `positionOf` gives the same answer without one).
 */

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) this.starts.push(i + 1);
      else if (ch === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line of an offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The 0-based line and UTF-16 character of an offset, clamped to the text, as an LSP text document places it. */
  positionOf(offset: number): { line: number; character: number } {
    let at = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(at);
    const start = this.starts[line]!;
    // Inside a CR LF pair: the position is the end of the line's text, before the break.
    while (at > start && (this.text.charCodeAt(at - 1) === 13 || this.text.charCodeAt(at - 1) === 10)) at--;
    return { line, character: at - start };
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]!;
  }

  /** The line's text without its line break. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const end = line + 1 < this.starts.length ? this.starts[line + 1]! : this.text.length;
    return this.text.slice(start, end).replace(/\r?\n$|\r$/, '');
  }
}
