/** "Pin to digest" and "pin all" through the real server against Debian's docker-registry on 127.0.0.1. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer } from '../support/lsp-client';
import { pushImage, type PushedImage } from '../support/push-image';
import { startRegistry, type Registry } from '../support/registry-server';

let registry: Registry;
let app: PushedImage;
let worker: PushedImage;

before(async () => {
  registry = await startRegistry();
  app = await pushImage({ base: registry.base }, 'team/app', '1.0', 'oci-index');
  worker = await pushImage({ base: registry.base }, 'team/worker', 'latest', 'docker-list');
});
after(async () => registry.stop());

function manifest(host: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      initContainers:
        - name: worker
          image: ${host}/team/worker   # no tag: latest
      containers:
        - name: app
          image: "${host}/team/app:1.0"  # keep this comment
        - name: again
          image: '${host}/team/app:1.0'
        - name: missing
          image: ${host}/team/app:9.9
`;
}

test('the quick fix resolves lazily and edits only the image, keeping quotes and comments; re-pinning changes nothing', async () => {
  await withServer({}, async (client) => {
    const uri = 'file:///work/pin.yaml';
    const text = manifest(registry.host);
    await client.open(uri, text);
    const actions = await client.codeActions(uri, client.positionOf(uri, 'team/worker', 2));
    const pin = actions.find((a) => a.title === 'Pin to digest');
    assert.ok(pin && !pin.edit, 'listing makes no network call and carries no edit');
    const resolved = await client.resolve(pin);
    assert.ok(resolved.edit);
    client.applyWorkspaceEdit(resolved.edit);
    const expected = text.replace(`image: ${registry.host}/team/worker   #`, `image: ${registry.host}/team/worker@${worker.digest}   #`);
    assert.equal(client.text(uri), expected);

    // The tag is kept by default, the quotes stay.
    const quoted = (await client.codeActions(uri, client.positionOf(uri, 'team/app:1.0', 2))).find((a) => a.title === 'Pin to digest');
    client.applyWorkspaceEdit((await client.resolve(quoted!)).edit!);
    assert.match(client.text(uri), new RegExp(`image: "${registry.host}/team/app:1.0@${app.digest}"  # keep this comment`));

    // A missing tag: a clear error, no edit.
    const missing = (await client.codeActions(uri, client.positionOf(uri, 'team/app:9.9', 2))).find((a) => a.title === 'Pin to digest');
    await assert.rejects(client.resolve(missing!), /tag 9.9 not found in 127\.0\.0\.1:\d+\/team\/app/);
  });
});

test('pin all: one workspace edit for every distinct image, failures summarized; keepTag off drops tags', async () => {
  await withServer({ settings: { pin: { keepTag: false } } }, async (client) => {
    const uri = 'file:///work/pin-all.yaml';
    const text = manifest(registry.host);
    await client.open(uri, text);
    const result = (await client.executeCommand('podLens.server.pinAllImages', [uri])) as { pinned: string[]; failed: Array<{ image: string; message: string }>; applied: boolean };
    assert.equal(result.applied, true);
    assert.deepEqual(result.pinned.sort(), [`${registry.host}/team/app:1.0`, `${registry.host}/team/worker`].sort());
    assert.deepEqual(result.failed.map((f) => f.image), [`${registry.host}/team/app:9.9`]);
    assert.equal(client.appliedEdits.length, 1);
    const expected = text
      .replace(`image: ${registry.host}/team/worker `, `image: ${registry.host}/team/worker@${worker.digest} `)
      .replace(`"${registry.host}/team/app:1.0"`, `"${registry.host}/team/app@${app.digest}"`)
      .replace(`'${registry.host}/team/app:1.0'`, `'${registry.host}/team/app@${app.digest}'`);
    assert.equal(client.text(uri), expected);
  });
});

test('an untrusted workspace: resolving the fix makes no registry call and says why', async () => {
  await withServer({ initializationOptions: { workspaceTrusted: false } }, async (client) => {
    const uri = 'file:///work/untrusted.yaml';
    await client.open(uri, manifest(registry.host));
    const pin = (await client.codeActions(uri, client.positionOf(uri, 'team/worker', 2))).find((a) => a.title === 'Pin to digest');
    await assert.rejects(client.resolve(pin!), /not trusted/);
  });
});

test('online checks (opt-in): a pinned digest that is no longer the tag’s gets a note and an update fix', async () => {
  await withServer({ settings: { registry: { onlineChecks: true } } }, async (client) => {
    const uri = 'file:///work/stale.yaml';
    const old = `sha256:${'0'.repeat(64)}`;
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    image: ${registry.host}/team/app:1.0@${old}\n`;
    const first = client.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'image-digest-stale'), 15_000);
    await client.open(uri, text);
    const diagnostics = await first;
    const stale = diagnostics.find((d) => d.code === 'image-digest-stale')!;
    assert.match(stale.message, new RegExp(`now points to ${app.digest}`));
    const fix = (await client.codeActions(uri, stale.range.start)).find((a) => a.title === 'Update pinned digest');
    client.applyWorkspaceEdit(fix!.edit!);
    assert.equal(client.text(uri), text.replace(old, app.digest));
  });
});

test('online checks are off by default: nothing talks to a registry unasked', async () => {
  await withServer({}, async (client) => {
    const uri = 'file:///work/offline.yaml';
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    image: ${registry.host}/team/app:1.0@sha256:${'0'.repeat(64)}\n`;
    assert.deepEqual(await client.open(uri, text), []);
    assert.ok(!client.logs.some((l) => l.includes('online check')));
  });
});
