/**
 * Writes the current findings of a fixture as expectation comments under their lines, for a person to review before
 * committing (a starting point for new fixtures, never a substitute for reading them).
 * Usage: node --import tsx scripts/annotate-fixture.ts test/fixtures/rules/<file>.yaml
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { analyze } from '../server/src/analysis/analyze';
import { LineIndex } from '../server/src/analysis/model/line-index';
import { parseManifests } from '../server/src/analysis/model/manifest';
import { isExpectationLine } from '../test/support/expectations';
import { WorkspaceIndex } from '../server/src/workspace/index';

for (const file of process.argv.slice(2)) {
  const original = readFileSync(file, 'utf8');
  const text = original.split('\n').filter((l) => !(isExpectationLine(l) && /(error|warning|information|hint)\[/.test(l))).join('\n');
  const options = /^#\s*pod-lens-fixture:\s*(\{.*\})\s*$/m.exec(text);
  const index = new WorkspaceIndex();
  index.update(file, text);
  const findings = analyze(parseManifests(text), { ...(options ? JSON.parse(options[1]!) : {}), workspace: index }).findings;
  const lines = new LineIndex(text);
  const byLine = new Map<number, string[]>();
  for (const f of findings) {
    const line = lines.lineOf(f.span.start);
    const col = f.span.start - lines.lineStart(line);
    const lineEnd = lines.lineStart(line) + lines.lineText(line).length;
    const width = Math.max(1, Math.min(f.span.end, lineEnd) - f.span.start);
    const words = f.message.replace(/^[^:]*: /, '').slice(0, 60).replace(/\s+\S*$/, '');
    const caret = `#${' '.repeat(Math.max(0, col - 1))}${'^'.repeat(width)} ${f.severity}[${f.rule}]: ${words}`;
    byLine.set(line, [...(byLine.get(line) ?? []), caret]);
  }
  const out: string[] = [];
  text.split('\n').forEach((l, i) => {
    out.push(l);
    // Expectations go under the last line of a hover/lens block: keep existing feature lines right after their code.
    for (const c of byLine.get(i) ?? []) out.push(c);
  });
  writeFileSync(file, out.join('\n'));
  console.log(`${file}: ${findings.length} findings`);
}
