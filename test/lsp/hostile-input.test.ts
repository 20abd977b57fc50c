/**
 * Odd input through the real server: CR/LF joins in incremental edits, a file over podLens.maxFileSize (skipped by
 * every feature), hostile values in hovers, and thousands of duplicate ports.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { withServer } from '../support/lsp-client';
import { duplicatePorts } from '../../bench/pathological';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:latest\n';

/** Where `needle` is in `text`, as a fresh document counts lines. */
function positionIn(text: string, needle: string) {
  return TextDocument.create('file:///x', 'yaml', 1, text).positionAt(text.indexOf(needle));
}

test('a CR typed before a LF, then a LF after a lone CR: diagnostics stay on the right line', async () => {
  await withServer({}, async (client) => {
    const uri = 'file:///work/crlf.yaml';
    await client.open(uri, POD);
    // Line 0 ends "v1\n": insert "\r" before its "\n" (a CR LF join), which 1.0.12 counted as an extra line.
    const joined = await client.change(uri, [{ range: { start: { line: 0, character: 14 }, end: { line: 0, character: 14 } }, newText: '\r' }]);
    const afterJoin = POD.replace('v1\n', 'v1\r\n');
    const tag = joined.find((d) => d.code === 'image-tag-mutable');
    assert.deepEqual(tag?.range.start, positionIn(afterJoin, 'latest'));
    // Then "\r#c" at the end of line 3 (a lone CR), and a LF typed just after that CR (a LF after CR join).
    await client.change(uri, [{ range: { start: { line: 3, character: 9 }, end: { line: 3, character: 9 } }, newText: '\r#c' }]);
    const last = await client.change(uri, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, newText: '\n' }]);
    const text3 = afterJoin.replace('name: p\n', 'name: p\r\n#c\n');
    assert.deepEqual(last.find((d) => d.code === 'image-tag-mutable')?.range.start, positionIn(text3, 'latest'));
  });
});

test('a file over podLens.maxFileSize gets one note and nothing else: no hover, lens, completion, code action or index entry', async () => {
  await withServer({ settings: { maxFileSize: 2000 } }, async (client) => {
    const bigUri = 'file:///work/big.yaml';
    const big = `${POD}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  k: v\n# ${'x'.repeat(3000)}\n`;
    // The first publication can come before the server has read the settings: wait for the one under 2000.
    const skipped = client.nextDiagnostics(bigUri, (p) => p.diagnostics.some((d) => d.code === 'file-skipped'), 30_000);
    await client.open(bigUri, big);
    const diagnostics = await skipped;
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.message, d.range]),
      [['file-skipped', `Pod Lens skipped this file: ${big.length} characters is over the 2000-character limit (podLens.maxFileSize).`, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }]],
    );
    const image = client.positionOf(bigUri, 'nginx', 2);
    assert.equal(await client.hover(bigUri, image), null);
    assert.deepEqual(await client.codeLens(bigUri), []);
    assert.deepEqual(await client.completion(bigUri, client.positionOf(bigUri, 'latest')), []);
    assert.deepEqual((await client.codeActions(bigUri, image)).map((a) => a.title), []);
    // The skipped file defines no ConfigMap for the index: a Pod elsewhere naming it gets no "has no key" answer from it.
    const podUri = 'file:///work/uses-big.yaml';
    const other = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: small\ndata:\n  a: b\n';
    await client.open('file:///work/small.yaml', other);
    const uses = `${POD}      envFrom:\n        - configMapRef: {name: big}\n`;
    const found = await client.open(podUri, uses);
    assert.ok(found.some((d) => d.code === 'reference-not-found' && d.message === 'ConfigMap "big" is not defined in namespace default in this workspace.'), JSON.stringify(found));
  });
});

test('hostile values in an image: the hover does not echo them, so nothing of them renders', async () => {
  await withServer({}, async (client) => {
    const uri = 'file:///work/hostile-hover.yaml';
    await client.open(uri, POD.replace('nginx:latest', '"a`![x](https://evil.example/p.png)<img src=x>"'));
    const hover = await client.hover(uri, client.positionOf(uri, 'a`', 1));
    const value = (hover?.contents as { value: string }).value;
    // An invalid image: the hover says what follows from it; the diagnostic (plain text) is the one that quotes it.
    assert.equal(value.split('\n')[0], '**Not a valid image reference**: the kubelet cannot parse it, so the container waits with `InvalidImageName` and never starts.');
    assert.ok(!value.includes('evil.example') && !value.includes('<img'), value);
  });
});

test('2,000 containers sharing a port: the server answers with 200 diagnostics and a note', async () => {
  await withServer({ settings: { rules: { 'resources-missing': 'off', 'image-not-pinned': 'off' } } }, async (client) => {
    const uri = 'file:///work/ports.yaml';
    const diagnostics = await client.open(uri, duplicatePorts(), 'yaml', 60_000);
    assert.equal(diagnostics.length, 201);
    assert.equal(diagnostics.filter((d) => d.code === 'port-duplicate').length, 200);
    assert.equal(diagnostics.filter((d) => d.code === 'findings-truncated').length, 1);
  });
});
