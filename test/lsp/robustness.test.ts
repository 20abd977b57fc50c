/** One failing request does not take the server down. The fault is injected (POD_LENS_TEST_FAULTS): no real input makes a handler throw on demand. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isolatedEnv, withServer } from '../support/lsp-client';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx:latest\n';

test('a handler that throws answers empty, is logged, and later requests still work', async () => {
  await withServer({ env: { ...isolatedEnv(), POD_LENS_TEST_FAULTS: 'hover' } }, async (client) => {
    const uri = 'file:///work/fault.yaml';
    const diagnostics = await client.open(uri, POD);
    assert.ok(diagnostics.some((d) => d.code === 'image-tag-mutable'));
    const at = client.positionOf(uri, 'nginx');
    assert.equal(await client.hover(uri, at), null);
    assert.equal(await client.hover(uri, at), null);
    // Other features, settings and new documents keep working after the failures.
    await client.setSettings({ startupLens: 'always' }, uri);
    assert.deepEqual((await client.codeLens(uri))?.map((l) => l.command?.title), ['Startup: a']);
    const next = await client.open('file:///work/after.yaml', POD.replace('nginx:latest', 'nginx:1.27'));
    assert.deepEqual(next, []);
  });
});
