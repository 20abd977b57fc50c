/**
 * The server's copy of an open document, kept in step with the editor's through incremental changes. It replaces
 * vscode-languageserver-textdocument's implementation, whose 1.0.12 line table goes one line off when a change joins
 * or splits a CR LF pair (a "\r" typed before a "\n", a "\n" after a "\r", or the text between them deleted).
 */
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';

const LF = 10;
const CR = 13;

/** Whether a line starts at `at`: after a LF, or after a CR that no LF follows (a CR LF pair is one line break). */
function isLineStart(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  return before === LF || (before === CR && text.charCodeAt(at) !== LF);
}

/** Line starts in `from..to` (inclusive), for offsets past 0: the few around an edit. */
function lineStartsIn(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (let at = Math.max(from, 1); at <= to; at++) if (isLineStart(text, at)) out.push(at);
  return out;
}

/** Every line start of a text, found by the regular expression engine (a whole file at once). */
function allLineStarts(text: string): number[] {
  const out = [0];
  const breaks = /\r\n|\r|\n/g;
  for (let m = breaks.exec(text); m !== null; m = breaks.exec(text)) out.push(m.index + m[0].length);
  return out;
}

/** The first index whose value is at least `value` (the list is sorted). */
function lowerBound(list: number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A position from a client as a whole, non-negative number (anything else counts as 0). */
function whole(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

export class SyncedTextDocument implements TextDocument {
  /** Offsets where each line starts; the first is always 0. */
  private lineStarts: number[];

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    private content: string,
  ) {
    this.lineStarts = allLineStarts(content);
  }

  get version(): number {
    return this.currentVersion;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  getText(range?: Range): string {
    if (!range) return this.content;
    return this.content.substring(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  /** The offset of a position; past a line's end it is the line's end (before its line break), as LSP says. */
  offsetAt(position: Position): number {
    const line = whole(position.line);
    if (line >= this.lineStarts.length) return this.content.length;
    const start = this.lineStarts[line]!;
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! : this.content.length;
    let offset = Math.min(start + whole(position.character), next);
    // Never inside or after the line break: a CR LF pair is never split.
    while (offset > start && (this.content.charCodeAt(offset - 1) === LF || this.content.charCodeAt(offset - 1) === CR)) offset--;
    return offset;
  }

  positionAt(offset: number): Position {
    const at = Math.min(whole(offset), this.content.length);
    const line = lowerBound(this.lineStarts, at + 1) - 1;
    const start = this.lineStarts[line]!;
    let clamped = at;
    while (clamped > start && (this.content.charCodeAt(clamped - 1) === LF || this.content.charCodeAt(clamped - 1) === CR)) clamped--;
    return { line, character: clamped - start };
  }

  /** Applies the editor's changes in order; only the line starts near each change are recomputed. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (!('range' in change) || change.range === undefined) {
        this.content = change.text;
        this.lineStarts = allLineStarts(this.content);
        continue;
      }
      let start = this.offsetAt(change.range.start);
      let end = this.offsetAt(change.range.end);
      if (end < start) [start, end] = [end, start];
      this.content = this.content.slice(0, start) + change.text + this.content.slice(end);
      // Whether a line starts at an offset depends on the two characters around it: only starts in
      // start..start+text.length can differ; those before stay, those after move by the change in length.
      const delta = change.text.length - (end - start);
      const keepBefore = lowerBound(this.lineStarts, Math.max(start, 1));
      const keepAfter = lowerBound(this.lineStarts, end + 1);
      const fresh = lineStartsIn(this.content, start, start + change.text.length);
      const starts = this.lineStarts;
      // In place for a few new starts; a copy for many (a call takes only so many arguments).
      if (fresh.length < 10_000) starts.splice(keepBefore, keepAfter - keepBefore, ...fresh);
      else this.lineStarts = [...starts.slice(0, keepBefore), ...fresh, ...starts.slice(keepAfter)];
      if (delta !== 0) for (let i = keepBefore + fresh.length; i < this.lineStarts.length; i++) this.lineStarts[i]! += delta;
    }
    this.currentVersion = version;
  }
}

/** What `TextDocuments` needs to create and update documents of this kind. */
export const SYNCED_TEXT_DOCUMENTS = {
  create(uri: string, languageId: string, version: number, content: string): SyncedTextDocument {
    return new SyncedTextDocument(uri, languageId, version, content);
  },
  update(document: SyncedTextDocument, changes: TextDocumentContentChangeEvent[], version: number): SyncedTextDocument {
    document.update(changes, version);
    return document;
  },
};
