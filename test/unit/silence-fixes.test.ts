/** "Silence <rule> on this line / in this file": the whole text after each edit, and the finding gone on re-analysis. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis/analyze';
import { silenceFixes } from '../../server/src/analysis/fixes/silence';
import { parseManifests } from '../../server/src/analysis/model/manifest';
import type { Finding, Fix } from '../../server/src/analysis/rules/types';

function apply(text: string, fix: Fix): string {
  let out = text;
  for (const e of [...(fix.edits ?? [])].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

function findings(text: string, rule: string): Finding[] {
  return analyze(parseManifests(text)).findings.filter((f) => f.rule === rule);
}

function fix(text: string, rule: string, title: string, which = 0): Fix {
  const finding = findings(text, rule)[which];
  assert.ok(finding, `no ${rule} finding in:\n${text}`);
  const found = silenceFixes(text, finding).find((f) => f.title === title);
  assert.ok(found, `no "${title}"`);
  return found;
}

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:latest\n    - name: side\n      image: redis:latest\n';

test('on this line: a comment alone above the finding, indented like its line; only that finding goes', () => {
  const after = apply(POD, fix(POD, 'image-tag-mutable', 'Silence image-tag-mutable on this line'));
  assert.equal(after, POD.replace('      image: nginx:latest\n', '      # pod-lens-ignore image-tag-mutable\n      image: nginx:latest\n'));
  assert.deepEqual(findings(after, 'image-tag-mutable').map((f) => f.data?.image), ['redis:latest']);
});

test('on this line: joins an ignore comment already above', () => {
  const text = POD.replace('      image: nginx:latest\n', '      # pod-lens-ignore image-not-pinned\n      image: nginx:latest\n');
  const after = apply(text, fix(text, 'image-tag-mutable', 'Silence image-tag-mutable on this line'));
  assert.equal(after, POD.replace('      image: nginx:latest\n', '      # pod-lens-ignore image-not-pinned, image-tag-mutable\n      image: nginx:latest\n'));
  assert.equal(findings(after, 'image-tag-mutable').length, 1);
});

test('on a sequence item line the comment takes the item indentation', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - {name: app, image: "nginx:latest"}\n';
  const after = apply(text, fix(text, 'image-tag-mutable', 'Silence image-tag-mutable on this line'));
  assert.equal(after, text.replace('    - {name', '    # pod-lens-ignore image-tag-mutable\n    - {name'));
  assert.equal(findings(after, 'image-tag-mutable').length, 0);
});

test('in this file: a first line, or the first file comment extended; CR LF kept', () => {
  const crlf = POD.replace(/\n/g, '\r\n');
  const after = apply(crlf, fix(crlf, 'image-tag-mutable', 'Silence image-tag-mutable in this file'));
  assert.equal(after, `# pod-lens-ignore-file image-tag-mutable\r\n${crlf}`);
  assert.equal(findings(after, 'image-tag-mutable').length, 0);

  const marked = `${POD}# pod-lens-ignore-file image-not-pinned  \n`;
  const extended = apply(marked, fix(marked, 'image-tag-mutable', 'Silence image-tag-mutable in this file'));
  assert.equal(extended, `${POD}# pod-lens-ignore-file image-not-pinned, image-tag-mutable  \n`);
  assert.equal(findings(extended, 'image-tag-mutable').length, 0);
});

test('no line fix inside a block scalar continuation; notes about the whole file offer none', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  script: |\n    line one\n';
  assert.deepEqual(silenceFixes(text, { rule: 'x', span: { start: text.indexOf('line one'), end: text.indexOf('line one') + 4 } }).map((f) => f.title), ['Silence x in this file']);
  assert.deepEqual(silenceFixes(text, { rule: 'findings-truncated', span: { start: 0, end: 0 } }), []);
});
