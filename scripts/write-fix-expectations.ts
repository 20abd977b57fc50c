/**
 * Writes `<fixture>.<fix-slug>.expected.yaml` for every `# ^ fix:` marker of the given fixtures whose fix has edits:
 * the fixture with that fix applied. Read the diff before committing: the fixture test compares against these files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readExpectations, fixSlug } from '../test/support/expectations';
import { analyzeFixture } from '../test/support/fixture-analysis';

for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const doc = TextDocument.create('file:///f.yaml', 'yaml', 1, text);
  const { result } = analyzeFixture(file, text);
  for (const x of readExpectations(text).filter((e) => e.kind === 'fix')) {
    const offset = doc.offsetAt({ line: x.line, character: x.start });
    const fix = result.findings.filter((f) => f.span.start <= offset && offset <= f.span.end).flatMap((f) => f.fixes ?? []).find((f) => f.title === x.text);
    if (!fix?.edits) continue;
    const after = TextDocument.applyEdits(doc, fix.edits.map((e) => ({ range: { start: doc.positionAt(e.span.start), end: doc.positionAt(e.span.end) }, newText: e.newText })));
    const out = file.replace(/\.ya?ml$/, `.${fixSlug(x.text)}.expected.yaml`);
    writeFileSync(out, after);
    console.log(`wrote ${out}`);
  }
}
