/**
 * Runs every test/fixtures/**.yaml: finding expectations (whole messages) and fix markers are matched both ways; fixes
 * with edits are compared against `.expected.yaml`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { hoverAt } from '../../server/src/analysis/hover/index';
import { codeLenses } from '../../server/src/analysis/lens/index';
import type { Finding } from '../../server/src/analysis/rules/types';
import { readExpectations, fixSlug, type Expectation } from '../support/expectations';
import { analyzeFixture, fixtureFiles } from '../support/fixture-analysis';

const FIXTURES = join(__dirname, '..', 'fixtures');

function describeFinding(doc: TextDocument, f: Finding): string {
  const s = doc.positionAt(f.span.start);
  const e = doc.positionAt(f.span.end);
  return `${s.line + 1}:${s.character}-${e.line + 1}:${e.character} ${f.severity}[${f.rule}] ${f.message}`;
}

/** A finding matches an expectation with its whole message, starting at the first caret and ending at the last (or past the line). */
function matches(doc: TextDocument, f: Finding, x: Expectation): boolean {
  if (f.rule !== x.rule || f.severity !== x.severity || f.message !== x.text) return false;
  if (x.kind === 'file') return true;
  const s = doc.positionAt(f.span.start);
  const e = doc.positionAt(f.span.end);
  const endCh = e.line === s.line ? e.character : doc.getText({ start: { line: s.line, character: 0 }, end: { line: s.line + 1, character: 0 } }).replace(/\r?\n$/, '').length;
  return s.line === x.line && s.character === x.start && endCh === x.end;
}

for (const file of fixtureFiles(FIXTURES)) {
  test(`fixture ${file.slice(FIXTURES.length + 1)}`, () => {
    const text = readFileSync(file, 'utf8');
    const doc = TextDocument.create('file:///f.yaml', 'yaml', 1, text);
    const { model, options, result } = analyzeFixture(file, text);
    assert.deepEqual(result.failures, [], 'no rule may throw');
    const expectations = readExpectations(text);
    const unmatched = [...result.findings];
    const missing: string[] = [];
    for (const x of expectations.filter((e) => e.kind === 'finding' || e.kind === 'file')) {
      const i = unmatched.findIndex((f) => matches(doc, f, x));
      if (i >= 0) unmatched.splice(i, 1);
      else missing.push(`line ${x.at + 1}: ${x.severity}[${x.rule}] "${x.text}" at ${x.line + 1}:${x.start}-${x.end}`);
    }
    assert.deepEqual(missing, [], `expected findings not found; findings were:\n${result.findings.map((f) => describeFinding(doc, f)).join('\n')}`);
    assert.deepEqual(unmatched.map((f) => describeFinding(doc, f)), [], 'unexpected findings');

    for (const x of expectations.filter((e) => e.kind === 'hover')) {
      const offset = doc.offsetAt({ line: x.line, character: x.start });
      const hover = hoverAt(model, offset, options);
      assert.ok(hover, `line ${x.at + 1}: no hover at ${x.line + 1}:${x.start}`);
      assert.ok(hover.markdown.includes(x.text), `line ${x.at + 1}: hover lacks "${x.text}":\n${hover.markdown}`);
    }
    for (const x of expectations.filter((e) => e.kind === 'lens')) {
      const titles = codeLenses(model, options)
        .filter((l) => doc.positionAt(l.span.start).line === x.line)
        .map((l) => l.title);
      assert.ok(titles.some((t) => t.includes(x.text)), `line ${x.at + 1}: no lens with "${x.text}" on line ${x.line + 1}: ${JSON.stringify(titles)}`);
    }
    // Every fix offered has its marker inside its finding's span, so a new fix cannot ship untested.
    const marks = expectations.filter((e) => e.kind === 'fix');
    const isMarked = (f: Finding, title: string) =>
      marks.some((x) => x.text === title && f.span.start <= doc.offsetAt({ line: x.line, character: x.start }) && doc.offsetAt({ line: x.line, character: x.start }) <= f.span.end);
    const unmarked = result.findings.flatMap((f) => (f.fixes ?? []).filter((fix) => !isMarked(f, fix.title)).map((fix) => `${describeFinding(doc, f)} offers "${fix.title}"`));
    assert.deepEqual(unmarked, [], 'fixes offered with no "# ^ fix: <title>" marker');

    const claimed = new Set<string>();
    for (const x of marks) {
      const offset = doc.offsetAt({ line: x.line, character: x.start });
      const fix = result.findings
        .filter((f) => f.span.start <= offset && offset <= f.span.end)
        .flatMap((f) => f.fixes ?? [])
        .find((f) => f.title === x.text);
      assert.ok(fix, `line ${x.at + 1}: no fix "${x.text}" at ${x.line + 1}:${x.start}`);
      const expectedFile = file.replace(/\.ya?ml$/, `.${fixSlug(x.text)}.expected.yaml`);
      // A deferred fix (a digest from the registry) has no edit until codeAction/resolve: test/lsp/pin.test.ts applies it.
      if (!fix.edits) {
        assert.equal(fix.deferred?.type, 'pin-digest', `line ${x.at + 1}: fix "${x.text}" has neither edits nor a deferred pin`);
        assert.ok(!existsSync(expectedFile), `${basename(expectedFile)} belongs to a fix without edits`);
        continue;
      }
      // One expected file per fix title: two edits with one title in one fixture need the fixture split (`<rule>.<case>.yaml`).
      assert.ok(!claimed.has(expectedFile), `line ${x.at + 1}: a second "${x.text}" fix would share ${basename(expectedFile)}; split the fixture`);
      claimed.add(expectedFile);
      const after = TextDocument.applyEdits(doc, fix.edits.map((e) => ({ range: { start: doc.positionAt(e.span.start), end: doc.positionAt(e.span.end) }, newText: e.newText })));
      assert.ok(existsSync(expectedFile), `missing ${basename(expectedFile)}`);
      assert.equal(after, readFileSync(expectedFile, 'utf8'), `fix "${x.text}" gives other text than ${basename(expectedFile)}`);
    }
  });
}
