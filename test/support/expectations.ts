/**
 * Reads expectations written as comments under the line they concern: `#   ^^^ warning[rule-id]: <the whole message>`,
 * and `#   ^ fix: <title>` for each fix a finding offers (`hover:` and `lens:` match a part of the text).
 */
import { LineIndex } from '../../server/src/analysis/model/line-index';

export interface Expectation {
  kind: 'finding' | 'hover' | 'lens' | 'fix' | 'file';
  /** 0-based line and character range the carets cover on the code line above. */
  line: number;
  start: number;
  end: number;
  severity?: string;
  rule?: string;
  /** A finding's whole message; a fix's whole title; a part of a hover's or a lens's text. */
  text: string;
  /** Line of the comment itself, for error messages. */
  at: number;
}

const CARET = /^([ \t]*)#([ \t]*)(\^+|\^file)[ \t]+(.*)$/;
const FINDING = /^(error|warning|information|hint)\[([a-z0-9-]+)\](?::[ \t]*(.*))?$/;

export function isExpectationLine(line: string): boolean {
  return CARET.test(line);
}

export function readExpectations(text: string): Expectation[] {
  const lines = new LineIndex(text);
  const out: Expectation[] = [];
  let codeLine = -1;
  for (let n = 0; n < lines.lineCount; n++) {
    const content = lines.lineText(n);
    const m = CARET.exec(content);
    if (!m) {
      // A `# pod-lens: …` directive is content Pod Lens reads (and may report on), so it counts as a code line.
      if (content.trim() !== '' && (!content.trimStart().startsWith('#') || /^\s*#\s*pod-lens:/.test(content))) codeLine = n;
      continue;
    }
    const start = m[1]!.length + 1 + m[2]!.length;
    const carets = m[3]!;
    const rest = m[4]!.trim();
    const isFile = carets === '^file';
    const base = { line: isFile ? 0 : codeLine, start, end: start + carets.length, at: n };
    const finding = FINDING.exec(rest);
    if (finding) {
      out.push({ ...base, kind: isFile ? 'file' : 'finding', severity: finding[1], rule: finding[2], text: finding[3] ?? '' });
      continue;
    }
    const feature = /^(hover|lens|fix):[ \t]*(.*)$/.exec(rest);
    if (feature) {
      out.push({ ...base, kind: feature[1] as Expectation['kind'], text: feature[2]! });
      continue;
    }
    throw new Error(`line ${n + 1}: cannot read expectation "${rest}"`);
  }
  return out;
}

/** The file name part of a fix: its title in kebab case. */
export function fixSlug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
