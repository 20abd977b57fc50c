/** The language server (in process) driven by a real JSON-RPC client: the foundation's lifecycle. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer } from '../support/lsp-client';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          command: ["sleep", "1"]
`;

test('initialize, publish on open at the right range, update on change, clear on close, shutdown', async () => {
  await withServer({}, async (client) => {
    const uri = 'file:///work/deploy.yaml';
    const diagnostics = await client.open(uri, DEPLOYMENT);
    const d = diagnostics.find((x) => x.code === 'container-image-required');
    assert.ok(d, JSON.stringify(diagnostics));
    assert.equal(d.source, 'pod-lens');
    assert.equal(d.severity, 1);
    assert.ok(d.codeDescription?.href.endsWith('docs/rules/container-image-required.md'));
    assert.deepEqual(d.range, { start: client.positionOf(uri, 'name: web', 0, 1), end: client.positionOf(uri, 'name: web', 9, 1) });

    // Add the image: the error goes away for that version.
    const at = client.positionOf(uri, '          command');
    const after = await client.change(uri, [{ range: { start: at, end: at }, newText: '          image: nginx:1.27\n' }]);
    assert.deepEqual(after.filter((x) => x.code === 'container-image-required'), []);

    // Break it again with a one-character edit.
    const i = client.positionOf(uri, 'image:');
    const broken = await client.change(uri, [{ range: { start: i, end: { line: i.line, character: i.character + 1 } }, newText: 'x' }]);
    assert.ok(broken.some((x) => x.code === 'container-image-required'));

    assert.deepEqual(await client.close(uri), []);
  });
});

test('settings: turning a rule off through didChangeConfiguration takes effect at once', async () => {
  await withServer({}, async (client) => {
    const uri = 'file:///work/settings.yaml';
    assert.ok((await client.open(uri, DEPLOYMENT)).some((x) => x.code === 'container-image-required'));
    // A republish already scheduled (the start-up scan, the index) may still arrive with the old settings: wait for the new state.
    const off = client.nextDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await client.setSettings({ rules: { 'container-image-required': 'off' } });
    assert.deepEqual(await off, []);
    const warn = client.nextDiagnostics(uri, (p) => p.diagnostics.length > 0);
    await client.setSettings({ rules: { 'container-image-required': 'warning' } });
    assert.equal((await warn)[0]?.severity, 2);
  });
});

test('Red Hat YAML installed: yaml-syntax is off unless set', async () => {
  const broken = 'apiVersion: v1\nkind: Pod\nspec: {containers: [\n';
  await withServer({ initializationOptions: { redHatYamlInstalled: true } }, async (client) => {
    const uri = 'file:///work/broken.yaml';
    assert.deepEqual((await client.open(uri, broken)).filter((x) => x.code === 'yaml-syntax'), []);
    const on = client.nextDiagnostics(uri, (p) => p.diagnostics.some((x) => x.code === 'yaml-syntax'));
    await client.setSettings({ rules: { 'yaml-syntax': 'error' } });
    assert.ok((await on).some((x) => x.code === 'yaml-syntax'));
  });
});

test('ignore comments silence one place or the whole file', async () => {
  await withServer({}, async (client) => {
    const line = DEPLOYMENT.replace('- name: web', '- name: web # pod-lens-ignore container-image-required');
    assert.deepEqual(await client.open('file:///work/i1.yaml', line), []);
    const above = DEPLOYMENT.replace('        - name: web', '        # pod-lens-ignore container-image-required\n        - name: web');
    assert.deepEqual(await client.open('file:///work/i2.yaml', above), []);
    const other = DEPLOYMENT.replace('- name: web', '- name: web # pod-lens-ignore image-tag-mutable');
    // Another rule's ignore leaves this one reported.
    assert.deepEqual((await client.open('file:///work/i3.yaml', other)).map((d) => d.code), ['container-image-required']);
    assert.deepEqual(await client.open('file:///work/i4.yaml', `# pod-lens-ignore-file\n${DEPLOYMENT}`), []);
  });
});

test('requests on any text answer without errors (hover, code lens, code actions, completion)', async () => {
  await withServer({}, async (client) => {
    const uri = 'file:///work/any.yaml';
    await client.open(uri, DEPLOYMENT);
    const p = client.positionOf(uri, 'web', 0, 1);
    assert.equal(await client.hover(uri, p), null);
    // One app container and no init containers: no startup lens under podLens.startupLens "auto".
    assert.deepEqual(await client.codeLens(uri), []);
    assert.deepEqual(await client.codeActions(uri, p), []);
    assert.deepEqual(await client.completion(uri, p), []);
    // A request for a document the server does not know answers empty rather than failing.
    assert.equal(await client.hover('file:///nope.yaml', p), null);
  });
});

test('bad input over the wire: binary, huge and nested text give notes, never a crash', async () => {
  await withServer({ settings: { maxFileSize: 100_000 } }, async (client) => {
    const binary = await client.open('file:///work/bin.yaml', 'a: \u0000\u0001\u0002');
    assert.equal(binary[0]?.code, 'file-skipped');
    const huge = await client.open('file:///work/huge.yaml', `# ${'x'.repeat(200_000)}\n`);
    assert.equal(huge[0]?.code, 'file-skipped');
    const nested = await client.open('file:///work/nested.yaml', `${'['.repeat(5000)}${']'.repeat(5000)}`);
    assert.deepEqual(
      nested.map((d) => [d.code, d.severity, d.message, d.range]),
      [['yaml-syntax', 1, 'Pod Lens cannot follow this document: it is nested too deeply; it is not analysed (kubectl reads up to 10,000 levels).', { start: { line: 0, character: 0 }, end: { line: 0, character: 10000 } }]],
    );
    // Still alive.
    assert.deepEqual((await client.open('file:///work/after.yaml', DEPLOYMENT)).map((d) => d.code), ['container-image-required']);
  });
});
