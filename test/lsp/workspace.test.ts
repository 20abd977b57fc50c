/** Across files through the real server: the workspace scan, the file watcher, and open documents update each other. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DefinitionRequest } from 'vscode-languageserver-protocol';
import { withServer } from '../support/lsp-client';

const SECRET = (name: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\ntype: kubernetes.io/dockerconfigjson\nstringData:\n  .dockerconfigjson: '{"auths": {}}'\n`;
const DEPLOY = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      imagePullSecrets:\n        - name: regcred\n      containers:\n        - name: app\n          image: registry.example.com/app:1.0\n`;

const notFound = (d: { code?: unknown }[]) => d.some((x) => x.code === 'image-pull-secret-not-found');

test('a Pod file sees the Secrets of the workspace; a change in another file updates its diagnostics', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-ws-'));
  writeFileSync(join(dir, 'secret.yaml'), SECRET('regcred'));
  writeFileSync(join(dir, 'other.yaml'), SECRET('unrelated'));
  await withServer({ workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'ws' }] }, async (client) => {
    const deploy = pathToFileURL(join(dir, 'deploy.yaml')).toString();
    await client.open(deploy, DEPLOY);
    // After the background scan the secret resolves: no finding.
    await client.nextDiagnostics(deploy, (p) => !notFound(p.diagnostics) && p.diagnostics.length === 0, 15_000).catch(() => undefined);
    assert.ok(!notFound(client.latest.get(deploy)!.diagnostics));

    // The Secret is renamed on disk: the watcher tells the server, the open Deployment is checked again.
    writeFileSync(join(dir, 'secret.yaml'), SECRET('renamed'));
    const wait = client.nextDiagnostics(deploy, (p) => notFound(p.diagnostics), 15_000);
    await client.filesChanged([{ uri: pathToFileURL(join(dir, 'secret.yaml')).toString(), type: 2 }]);
    const after = await wait;
    assert.match(String(after.find((d) => d.code === 'image-pull-secret-not-found')?.message), /Secret "regcred" is not defined/);

    // An open document's text counts while it is open: typing the name back fixes the Deployment.
    const secretUri = pathToFileURL(join(dir, 'secret.yaml')).toString();
    await client.open(secretUri, SECRET('renamed'));
    const fixed = client.nextDiagnostics(deploy, (p) => !notFound(p.diagnostics), 15_000);
    const at = client.positionOf(secretUri, 'renamed');
    await client.change(secretUri, [{ range: { start: at, end: { line: at.line, character: at.character + 'renamed'.length } }, newText: 'regcred' }]);
    await fixed;

    // Go to definition on the pull secret's name lands on the Secret's metadata.name in the other file.
    const locations = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: deploy }, position: client.positionOf(deploy, 'regcred', 2) })) as Array<{ uri: string; range: { start: { line: number; character: number } } }>;
    assert.equal(locations.length, 1);
    assert.equal(locations[0]!.uri, secretUri);
    assert.deepEqual(locations[0]!.range.start, { line: 3, character: 8 });
  });
});
