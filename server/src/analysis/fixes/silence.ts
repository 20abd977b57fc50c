/**
 * "Silence <rule> on this line" and "Silence <rule> in this file": the ignore comments findings/ignore-comments.ts reads,
 * written as edits. A line comment goes alone on the line above the finding, indented like it (appended to an ignore
 * comment already there); a file comment joins the file's first `# pod-lens-ignore-file <ids>` (only the first counts)
 * or opens the file.
 */
import { LineIndex } from '../model/line-index';
import type { Finding, Fix } from '../rules/types';

/** Notes about the file as a whole: no comment can silence them where they are. */
const NOT_SILENCEABLE = new Set(['findings-truncated', 'file-skipped']);
const IDS = '([a-z0-9-]+(?:[ \\t]*,[ \\t]*[a-z0-9-]+)*)';
/** An ignore comment alone on its line (the form that also covers the next line). */
const ALONE = new RegExp(`^([ \\t]*)#\\s*pod-lens-ignore(?!-)(?:[ \\t]+${IDS})?[ \\t]*$`);
const FILE = new RegExp(`(?:^|\\s)#\\s*pod-lens-ignore-file(?:[ \\t]+${IDS})?[ \\t]*$`, 'm');
/**
 * A line that starts a node: a sequence item or a mapping key. A comment line can go above it without changing the
 * document; above a continuation line (inside a block scalar or a multi-line quoted string) it would become content.
 */
const NODE_START = /^[ \t]*(?:-(?:[ \t]|$)|[^\s#'"{}[\],|>][^#]*?:(?:[ \t]|$)|"[^"]*"[ \t]*:(?:[ \t]|$)|'[^']*'[ \t]*:(?:[ \t]|$))/;

export function silenceTitles(rule: string): { line: string; file: string } {
  return { line: `Silence ${rule} on this line`, file: `Silence ${rule} in this file` };
}

/**
 * The silence fixes of findings of one text: the line index and the file comment are read once per text, however
 * many findings ask (a code-action request over a whole file can carry hundreds).
 */
export function silencer(text: string): (finding: Pick<Finding, 'rule' | 'span'>) => Fix[] {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let lines: LineIndex | undefined;
  let file: RegExpExecArray | null | undefined;
  return (finding) => {
    if (NOT_SILENCEABLE.has(finding.rule)) return [];
    lines ??= new LineIndex(text);
    if (file === undefined) file = FILE.exec(text);
    const titles = silenceTitles(finding.rule);
    const fixes: Fix[] = [];
    const line = lines.lineOf(finding.span.start);
    const content = lines.lineText(line);
    if (NODE_START.test(content)) {
      const above = line > 0 ? ALONE.exec(lines.lineText(line - 1)) : null;
      if (above?.[2] !== undefined) {
        const start = lines.lineStart(line - 1);
        fixes.push({ title: titles.line, kind: 'quickfix', edits: [{ span: { start, end: start + lines.lineText(line - 1).length }, newText: `${above[1]}# pod-lens-ignore ${above[2]}, ${finding.rule}` }] });
      } else {
        const start = lines.lineStart(line);
        const indent = /^[ \t]*/.exec(content)![0];
        fixes.push({ title: titles.line, kind: 'quickfix', edits: [{ span: { start, end: start }, newText: `${indent}# pod-lens-ignore ${finding.rule}${eol}` }] });
      }
    }
    if (file?.[1] !== undefined) {
      // Keep the comment, extend its list.
      const end = file.index + file[0].search(/[ \t]*$/);
      fixes.push({ title: titles.file, kind: 'quickfix', edits: [{ span: { start: end, end }, newText: `, ${finding.rule}` }] });
    } else if (file === null) {
      const start = text.startsWith('\uFEFF') ? 1 : 0;
      fixes.push({ title: titles.file, kind: 'quickfix', edits: [{ span: { start, end: start }, newText: `# pod-lens-ignore-file ${finding.rule}${eol}` }] });
    }
    return fixes;
  };
}

export function silenceFixes(text: string, finding: Pick<Finding, 'rule' | 'span'>): Fix[] {
  return silencer(text)(finding);
}
