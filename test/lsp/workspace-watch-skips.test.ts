/** The file watcher indexes a changed file only where the workspace scan would have looked (fs/walk.ts's skip list). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { withServer } from '../support/lsp-client';

const SECRET = (name: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\ntype: kubernetes.io/dockerconfigjson\nstringData:\n  .dockerconfigjson: '{"auths": {}}'\n`;
const DEPLOY = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      imagePullSecrets:\n        - name: regcred\n        - name: cred2\n      containers:\n        - name: app\n          image: registry.example.com/app:1.0\n`;

/** The pull secrets the diagnostics say are missing, by the name quoted in their message. */
const missing = (diagnostics: Array<{ code?: unknown; message: string }>) =>
  diagnostics.filter((d) => d.code === 'image-pull-secret-not-found').map((d) => /Secret "([^"]+)"/.exec(d.message)?.[1]);

test('a change under node_modules is not indexed; one in a scanned folder is', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-ws-skips-'));
  writeFileSync(join(dir, 'other.yaml'), SECRET('unrelated'));
  mkdirSync(join(dir, 'node_modules', 'dep'), { recursive: true });
  await withServer({ workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'ws' }] }, async (client) => {
    const deploy = pathToFileURL(join(dir, 'deploy.yaml')).toString();
    const scanned = client.nextDiagnostics(deploy, (p) => missing(p.diagnostics).length === 2, 15_000);
    await client.open(deploy, DEPLOY);
    await scanned;

    // Both files are reported in one event, handled in order with one re-check after: the scan never reads node_modules.
    writeFileSync(join(dir, 'node_modules', 'dep', 'secret.yaml'), SECRET('regcred'));
    writeFileSync(join(dir, 'cred2.yaml'), SECRET('cred2'));
    const after = client.nextDiagnostics(deploy, (p) => !missing(p.diagnostics).includes('cred2'), 15_000);
    await client.filesChanged([
      { uri: pathToFileURL(join(dir, 'node_modules', 'dep', 'secret.yaml')).toString(), type: 1 },
      { uri: pathToFileURL(join(dir, 'cred2.yaml')).toString(), type: 1 },
    ]);
    assert.deepEqual(missing(await after), ['regcred']);
  });
});
