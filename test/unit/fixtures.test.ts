/** Runs every test/fixtures/**.yaml: expectations in comments are matched both ways; fixes against `.expected.yaml`. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/analysis/analyze';
import { hoverAt } from '../../server/src/analysis/hover/index';
import { codeLenses } from '../../server/src/analysis/lens/index';
import { parseManifests } from '../../server/src/analysis/model/manifest';
import type { AnalysisOptions } from '../../server/src/analysis/options';
import type { Finding } from '../../server/src/analysis/rules/types';
import { readExpectations, fixSlug, type Expectation } from '../support/expectations';
import { WorkspaceIndex } from '../../server/src/workspace/index';

const FIXTURES = join(__dirname, '..', 'fixtures');

function fixtureFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return fixtureFiles(full);
      return /\.ya?ml$/.test(name) && !name.includes('.expected.') ? [full] : [];
    });
}

/** `# pod-lens-fixture: {json}` on any line sets analysis options (e.g. turns an off-by-default rule on). */
function fixtureOptions(text: string): AnalysisOptions {
  const m = /^#\s*pod-lens-fixture:\s*(\{.*\})\s*$/m.exec(text);
  return m ? (JSON.parse(m[1]!) as AnalysisOptions) : {};
}

function describeFinding(doc: TextDocument, f: Finding): string {
  const s = doc.positionAt(f.span.start);
  const e = doc.positionAt(f.span.end);
  return `${s.line + 1}:${s.character}-${e.line + 1}:${e.character} ${f.severity}[${f.rule}] ${f.message}`;
}

/** A finding matches an expectation when it starts at the first caret and ends at the last (or past the line). */
function matches(doc: TextDocument, f: Finding, x: Expectation): boolean {
  if (f.rule !== x.rule || f.severity !== x.severity || !f.message.includes(x.text)) return false;
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
    const model = parseManifests(text);
    // Workspace-scoped rules read an index: of the fixture itself, or of its whole folder under fixtures/workspace/.
    const index = new WorkspaceIndex();
    const siblings = file.includes(`${join('fixtures', 'workspace')}`) ? fixtureFiles(dirname(file)) : [file];
    for (const f of siblings) index.update(f, readFileSync(f, 'utf8'));
    const options = { ...fixtureOptions(text), workspace: index };
    const result = analyze(model, options);
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
    for (const x of expectations.filter((e) => e.kind === 'fix')) {
      const offset = doc.offsetAt({ line: x.line, character: x.start });
      const fix = result.findings
        .filter((f) => f.span.start <= offset && offset <= f.span.end)
        .flatMap((f) => f.fixes ?? [])
        .find((f) => f.title === x.text);
      assert.ok(fix?.edits, `line ${x.at + 1}: no fix "${x.text}" with edits at ${x.line + 1}:${x.start}`);
      const after = TextDocument.applyEdits(doc, fix.edits.map((e) => ({ range: { start: doc.positionAt(e.span.start), end: doc.positionAt(e.span.end) }, newText: e.newText })));
      const expectedFile = file.replace(/\.ya?ml$/, `.${fixSlug(x.text)}.expected.yaml`);
      assert.ok(existsSync(expectedFile), `missing ${basename(expectedFile)}`);
      assert.equal(after, readFileSync(expectedFile, 'utf8'), `fix "${x.text}" gives other text than ${basename(expectedFile)}`);
    }
  });
}
