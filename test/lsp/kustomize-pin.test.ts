/** Pin to digest on a kustomization's `images:` entry through the real server, against Debian's docker-registry on 127.0.0.1. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer } from '../support/lsp-client';
import { pushImage, type PushedImage } from '../support/push-image';
import { startRegistry, type Registry } from '../support/registry-server';

let registry: Registry;
let web: PushedImage;

before(async () => {
  registry = await startRegistry();
  web = await pushImage({ base: registry.base }, 'team/web', '1.1', 'oci-index');
});
after(async () => registry.stop());

test('the action on an images: entry resolves newName:newTag lazily and writes the entry\'s digest:, then replaces it', async () => {
  await withServer({}, async (client) => {
    const uri = 'file:///work/overlays/prod/kustomization.yaml';
    const text = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../../base
images:
  - name: registry.example.com/web
    newName: ${registry.host}/team/web
    newTag: "1.1"  # release train
`;
    await client.open(uri, text);
    const pin = (await client.codeActions(uri, client.positionOf(uri, 'registry.example.com/web', 2))).find((a) => a.title === 'Pin to digest');
    assert.ok(pin && !pin.edit, 'listing makes no network call and carries no edit');
    client.applyWorkspaceEdit((await client.resolve(pin)).edit!);
    const pinned = text.replace('newTag: "1.1"  # release train\n', `newTag: "1.1"  # release train\n    digest: ${web.digest}\n`);
    assert.equal(client.text(uri), pinned);

    // An entry with a digest already (quoted): the digest is replaced in its quotes, nothing else moves.
    const old = `sha256:${'0'.repeat(64)}`;
    const stale = text.replace('newTag: "1.1"  # release train\n', `newTag: "1.1"  # release train\n    digest: '${old}'  # pinned\n`);
    const other = 'file:///work/overlays/stale/kustomization.yaml';
    await client.open(other, stale);
    const again = (await client.codeActions(other, client.positionOf(other, 'newName'))).find((a) => a.title === 'Pin to digest');
    client.applyWorkspaceEdit((await client.resolve(again!)).edit!);
    assert.equal(client.text(other), stale.replace(old, web.digest));
  });
});
