/** podLens.defaultNamespace through the server: a change republishes the open files' cross-file findings without reopening. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer } from '../support/lsp-client';
import { MemoryFileSystem } from '../support/memory-file-system';

const SERVICE_ACCOUNT = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: builder
  namespace: prod
`;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: build
spec:
  serviceAccountName: builder
  containers:
    - name: app
      image: nginx:1.27
`;

const references = (ds: Array<{ code?: string | number; message: string }> | undefined) => (ds ?? []).filter((d) => d.code === 'reference-not-found').map((d) => d.message);

test('podLens.defaultNamespace naming the ServiceAccount\'s namespace clears reference-not-found; another names itself in the message', async () => {
  await withServer({}, async (client) => {
    const saUri = 'file:///work/ns/service-account.yaml';
    const podUri = 'file:///work/ns/pod.yaml';
    await client.open(saUri, SERVICE_ACCOUNT);
    assert.deepEqual(references(await client.open(podUri, POD)), ['ServiceAccount "builder" is not defined in namespace default in this workspace.']);

    assert.deepEqual(references(await client.setSettings({ defaultNamespace: 'prod' }, podUri)), []);
    // The definition follows the setting too: the name leads to the ServiceAccount written in prod.
    const definitions = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: podUri }, position: client.positionOf(podUri, 'builder') })) as Array<{ uri: string }>;
    assert.deepEqual(definitions.map((d) => d.uri), [saUri]);

    assert.deepEqual(references(await client.setSettings({ defaultNamespace: 'staging' }, podUri)), ['ServiceAccount "builder" is not defined in namespace staging in this workspace.']);
    assert.deepEqual(references(await client.setSettings({}, podUri)), ['ServiceAccount "builder" is not defined in namespace default in this workspace.']);
  });
});

test('an invalid podLens.defaultNamespace is reported in the log once and ignored: unset namespaces stay default', async () => {
  await withServer({ settings: { defaultNamespace: 'Prod_1' } }, async (client) => {
    const saUri = 'file:///work/ns-bad/service-account.yaml';
    const podUri = 'file:///work/ns-bad/pod.yaml';
    await client.open(saUri, SERVICE_ACCOUNT);
    assert.deepEqual(references(await client.open(podUri, POD)), ['ServiceAccount "builder" is not defined in namespace default in this workspace.']);
    assert.equal(
      await client.log(/defaultNamespace/),
      '[warning] podLens.defaultNamespace: "Prod_1" is not a namespace name (a lowercase RFC 1123 label of at most 63 characters, such as prod); using default',
    );
    // Another setting changes: the same bad value is not said again.
    assert.deepEqual(references(await client.setSettings({ defaultNamespace: 'Prod_1', startupLens: 'off' }, podUri)), ['ServiceAccount "builder" is not defined in namespace default in this workspace.']);
    assert.equal(client.logs.filter((m) => m.includes('defaultNamespace')).length, 1);
  });
});

test('each workspace folder may name its own podLens.defaultNamespace (resource scope); a folder\'s change republishes its files', async () => {
  const fs = new MemoryFileSystem({
    '/a/service-account.yaml': SERVICE_ACCOUNT,
    // Written without a namespace in folder b: it is in b's default namespace, never in a's prod.
    '/b/service-account.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: runner\n',
  });
  const a = 'file:///a';
  const b = 'file:///b';
  await withServer(
    { fileSystem: fs, workspaceFolders: [{ uri: a, name: 'a' }, { uri: b, name: 'b' }], folderSettings: { [a]: { defaultNamespace: 'prod' } } },
    async (client) => {
      await client.log(/^indexed \d+ files of a/);
      await client.log(/^indexed \d+ files of b/);
      const podA = `${a}/pod.yaml`;
      const podB = `${b}/pod.yaml`;
      assert.deepEqual(references(await client.open(podA, POD)), []);
      assert.deepEqual(references(await client.open(podB, POD)), ['ServiceAccount "builder" is not defined in namespace default in this workspace.']);
      assert.deepEqual(references(await client.open(`${a}/runner.yaml`, POD.replace('builder', 'runner'))), ['ServiceAccount "runner" is not defined in namespace prod in this workspace.']);

      client.folderSettings[b] = { defaultNamespace: 'prod' };
      assert.deepEqual(references(await client.setSettings({}, podB)), []);

      client.folderSettings[b] = { defaultNamespace: 'Bad' };
      assert.deepEqual(references(await client.setSettings({}, podB)), ['ServiceAccount "builder" is not defined in namespace default in this workspace.']);
      assert.equal(
        await client.log(/defaultNamespace of folder/),
        '[warning] podLens.defaultNamespace of folder file:///b: "Bad" is not a namespace name (a lowercase RFC 1123 label of at most 63 characters, such as prod); using default',
      );
    },
  );
});
