/** `# pod-lens-ignore <rule-id>[, …]` on a line or alone above it, and `# pod-lens-ignore-file`: where findings are silenced. */
import { LineIndex } from '../model/line-index';

const LINE = /(?:^|\s)#\s*pod-lens-ignore(?!-)(?:[ \t]+([a-z0-9-]+(?:[ \t]*,[ \t]*[a-z0-9-]+)*))?[ \t]*$/;
const FILE = /(?:^|\s)#\s*pod-lens-ignore-file(?:[ \t]+([a-z0-9-]+(?:[ \t]*,[ \t]*[a-z0-9-]+)*))?[ \t]*$/m;

/** `all` when the comment names no rule. */
type Silenced = Set<string> | 'all';

function parseIds(list: string | undefined): Silenced {
  return list ? new Set(list.split(',').map((s) => s.trim())) : 'all';
}

function covers(s: Silenced | undefined, rule: string): boolean {
  return s === 'all' || (s !== undefined && s.has(rule));
}

export class IgnoreComments {
  private readonly lines: LineIndex | undefined;
  private readonly file: Silenced | undefined;
  private readonly byLine = new Map<number, { silenced: Silenced; alone: boolean }>();

  constructor(text: string) {
    const fileMatch = text.includes('pod-lens-ignore-file') ? FILE.exec(text) : null;
    this.file = fileMatch ? parseIds(fileMatch[1]) : undefined;
    // Most files have no ignore comment: then no line index is needed at all.
    if (!text.includes('pod-lens-ignore')) return;
    const lines = new LineIndex(text);
    this.lines = lines;
    for (let line = 0; line < lines.lineCount; line++) {
      const content = lines.lineText(line);
      const m = LINE.exec(content);
      if (m) this.byLine.set(line, { silenced: parseIds(m[1]), alone: content.trimStart().startsWith('#') });
    }
  }

  /** True when a finding of `rule` starting at `offset` is silenced. */
  isIgnored(rule: string, offset: number): boolean {
    if (covers(this.file, rule)) return true;
    if (this.byLine.size === 0 || !this.lines) return false;
    const line = this.lines.lineOf(offset);
    const own = this.byLine.get(line);
    if (own && covers(own.silenced, rule)) return true;
    const above = this.byLine.get(line - 1);
    return above !== undefined && above.alone && covers(above.silenced, rule);
  }
}
