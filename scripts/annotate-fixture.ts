/**
 * Writes the current findings of a fixture as expectation comments under their lines (whole messages, and a
 * `# ^ fix: <title>` marker for each fix offered), for a person to review before committing (a starting point for
 * new fixtures, never a substitute for reading them). Hover and lens expectations are kept where they are.
 * Usage: node --import tsx scripts/annotate-fixture.ts test/fixtures/rules/<file>.yaml
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LineIndex } from '../server/src/analysis/model/line-index';
import { isExpectationLine } from '../test/support/expectations';
import { analyzeFixture } from '../test/support/fixture-analysis';

/** Finding and fix lines are written anew; hover and lens lines are a person's and stay. */
function isGenerated(line: string): boolean {
  return isExpectationLine(line) && /\^+[ \t]+((error|warning|information|hint)\[|fix:)/.test(line);
}

for (const file of process.argv.slice(2)) {
  const original = readFileSync(file, 'utf8');
  const text = original.split('\n').filter((l) => !isGenerated(l)).join('\n');
  const { findings } = analyzeFixture(resolve(file), text).result;
  const lines = new LineIndex(text);
  const byLine = new Map<number, string[]>();
  for (const f of findings) {
    const line = lines.lineOf(f.span.start);
    const col = f.span.start - lines.lineStart(line);
    const lineEnd = lines.lineStart(line) + lines.lineText(line).length;
    const width = Math.max(1, Math.min(f.span.end, lineEnd) - f.span.start);
    const indent = '#' + ' '.repeat(Math.max(0, col - 1));
    const comments = [`${indent}${'^'.repeat(width)} ${f.severity}[${f.rule}]: ${f.message}`, ...(f.fixes ?? []).map((fix) => `${indent}^ fix: ${fix.title}`)];
    byLine.set(line, [...(byLine.get(line) ?? []), ...comments]);
  }
  const out: string[] = [];
  text.split('\n').forEach((l, i) => {
    out.push(l);
    // Expectations go right under their code line, before the hover and lens lines that were already there.
    for (const c of byLine.get(i) ?? []) out.push(c);
  });
  writeFileSync(file, out.join('\n'));
  console.log(`${file}: ${findings.length} findings`);
}
