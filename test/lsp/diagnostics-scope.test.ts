/**
 * `podLens.diagnostics.scope` (issue #19 item 8): with `workspace`, every manifest the scan found has its problems
 * published without being opened, and a closed tab keeps them; switching back to `openFiles` clears them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { withServer, type LspClient } from '../support/lsp-client';

const NO_IMAGE = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n';
const CLEAN = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      resources:\n        requests: {cpu: 100m, memory: 64Mi}\n        limits: {memory: 64Mi}\n';

/** The latest publication for `uri` that `accept`s, whether it came already or is still to come. */
function published(client: LspClient, uri: string, accept: (d: Diagnostic[], version: number | undefined) => boolean): Promise<Diagnostic[]> {
  const latest = client.latest.get(uri);
  if (latest && accept(latest.diagnostics, latest.version)) return Promise.resolve(latest.diagnostics);
  return client.nextDiagnostics(uri, (p) => accept(p.diagnostics, p.version), 15_000);
}

test('workspace scope publishes closed manifests, keeps them when a tab closes, and openFiles clears them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-scope-'));
  mkdirSync(join(dir, 'k8s'));
  writeFileSync(join(dir, 'k8s', 'bad.yaml'), NO_IMAGE);
  writeFileSync(join(dir, 'k8s', 'ok.yaml'), CLEAN);
  const bad = pathToFileURL(join(dir, 'k8s', 'bad.yaml')).toString();
  const ok = pathToFileURL(join(dir, 'k8s', 'ok.yaml')).toString();
  const codes = (d: Diagnostic[]) => d.map((x) => x.code);
  await withServer({ settings: { diagnostics: { scope: 'workspace' } }, workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'ws' }] }, async (client) => {
    // Never opened: published from disk, without a version.
    const closed = await published(client, bad, (d, v) => d.length > 0 && v === undefined);
    assert.deepEqual(codes(closed), ['container-image-required']);
    assert.deepEqual(closed[0]!.range, { start: { line: 6, character: 6 }, end: { line: 6, character: 13 } });
    assert.deepEqual(await published(client, ok, () => true), []);

    // Opened, it is the editor's text with its version; closed again, the problems stay (as on disk).
    const opened = client.nextDiagnostics(bad, (p) => p.version === 1, 15_000);
    await client.open(bad, NO_IMAGE);
    assert.deepEqual(codes(await opened), ['container-image-required']);
    const afterClose = client.nextDiagnostics(bad, () => true, 15_000);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: bad } });
    assert.deepEqual(codes(await afterClose), ['container-image-required'], 'the first publication after closing is not an empty one');

    // Back to openFiles: what was published for closed files is cleared.
    assert.deepEqual(await client.setSettings({ diagnostics: { scope: 'openFiles' } }, bad), []);
    // And to workspace again: published again.
    const again = await client.setSettings({ diagnostics: { scope: 'workspace' } }, bad);
    assert.deepEqual(codes(again ?? []), ['container-image-required']);
  });
});
