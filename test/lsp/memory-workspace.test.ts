/**
 * The server's files come from its runtime (runtime.fs): the workspace scan, the file watcher and go-to-definition run
 * here over an in-memory workspace at /ws, which does not exist on disk.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DefinitionRequest, type Location } from 'vscode-languageserver-protocol';
import { withServer } from '../support/lsp-client';
import { MemoryFileSystem } from '../support/memory-file-system';

const SECRET = (name: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\ntype: kubernetes.io/dockerconfigjson\nstringData:\n  .dockerconfigjson: '{"auths": {}}'\n`;
const DEPLOY = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      imagePullSecrets:\n        - name: regcred\n        - name: cred2\n      containers:\n        - name: app\n          image: registry.example.com/app:1.0\n`;

/** The pull secrets the diagnostics say are missing, by the name quoted in their message. */
const missing = (diagnostics: Array<{ code?: unknown; message: string }>) =>
  diagnostics.filter((d) => d.code === 'image-pull-secret-not-found').map((d) => /Secret "([^"]+)"/.exec(d.message)?.[1]);

test('the workspace index and go-to-definition read an in-memory workspace through runtime.fs', async () => {
  const fs = new MemoryFileSystem({
    '/ws/secret.yaml': SECRET('regcred'),
    // Never walked (the walker's skip list), and a Helm chart's templates are Go templates, not manifests.
    '/ws/node_modules/dep/secret.yaml': SECRET('cred2'),
    '/ws/chart/Chart.yaml': 'apiVersion: v2\nname: chart\nversion: 0.1.0\n',
    '/ws/chart/templates/secret.yaml': SECRET('cred2'),
    '/ws/notes.txt': SECRET('cred2'),
  });
  // A second name for the same file is read once: its Secret is not defined twice.
  fs.link('/ws/z-link.yaml', 'secret.yaml');
  fs.link('/ws/gone.yaml', 'nowhere.yaml');
  await withServer({ fileSystem: fs, workspaceFolders: [{ uri: 'file:///ws', name: 'ws' }] }, async (client) => {
    assert.match(await client.log(/^indexed \d+ files of ws/), /^indexed 2 files of ws in \d+ ms \(1 objects, 1 skipped\)$/);
    assert.ok(client.logs.includes('  skipped /ws/gone.yaml: it is a symbolic link to something that does not exist'));
    assert.deepEqual([...fs.reads].sort(), ['/ws/chart/Chart.yaml', '/ws/secret.yaml']);

    const deploy = 'file:///ws/deploy.yaml';
    assert.deepEqual(missing(await client.open(deploy, DEPLOY)), ['cred2']);

    // The Secret's file is closed: go-to-definition reads it through the runtime too.
    fs.reads.length = 0;
    const locations = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: deploy },
      position: client.positionOf(deploy, 'regcred', 2),
    })) as Location[];
    assert.deepEqual(locations, [{ uri: 'file:///ws/secret.yaml', range: { start: { line: 3, character: 8 }, end: { line: 3, character: 15 } } }]);
    assert.deepEqual(fs.reads, ['/ws/secret.yaml']);

    // The file watcher reads a new file from the same place.
    fs.write('/ws/cred2.yaml', SECRET('cred2'));
    const after = client.nextDiagnostics(deploy, (p) => missing(p.diagnostics).length === 0, 15_000);
    await client.filesChanged([{ uri: 'file:///ws/cred2.yaml', type: 1 }]);
    assert.deepEqual(missing(await after), []);
    assert.deepEqual(fs.reads, ['/ws/secret.yaml', '/ws/cred2.yaml']);
  });
});
