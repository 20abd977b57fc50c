/** Image features through the real server: hovers, completion, the pull-policy quick fix, offline pin listing. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer, type LspClient } from '../support/lsp-client';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  restartPolicy: Always
  initContainers:
    - name: init
      image: busybox:1.36
  containers:
    - name: web
      image: nginx:latest
    - name: api
      image: "registry.example.com:5000/team/api:2.1"  # keep me
      imagePullPolicy: always
`;

function markdown(h: Awaited<ReturnType<LspClient['hover']>>): string {
  const c = h?.contents;
  return typeof c === 'object' && c !== null && 'value' in c ? c.value : '';
}

test('hover on an image: parts, defaulted policy and its rule, kubelet behaviour, back-off', async () => {
  await withServer({}, async (client) => {
    const uri = 'file:///work/pod.yaml';
    await client.open(uri, POD);
    const latest = markdown(await client.hover(uri, client.positionOf(uri, 'nginx:latest', 2)));
    // The answer first (the effective policy and why), then what the kubelet does, then the parts in one row; the
    // field's catalog description is left to the docs links, so the hover fits its box.
    assert.equal(
      latest,
      [
        '**imagePullPolicy: Always** — defaulted: tag "latest" → Always.',
        '',
        'At every container start the kubelet asks the registry what the tag points to now and pulls it if the node does not have those exact bytes (cheap when the digest is unchanged).',
        '',
        '| registry | repository | tag |',
        '|---|---|---|',
        '| `docker.io` | `library/nginx` | `latest` |',
        '',
        '[Images](https://kubernetes.io/docs/concepts/containers/images/) · [Image pull policy](https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy) · [Pull errors and back-off](https://kubernetes.io/docs/concepts/containers/images/#imagepullbackoff)',
      ].join('\n'),
    );
    const api = markdown(await client.hover(uri, client.positionOf(uri, 'registry.example.com')));
    // `always` is not a pull policy: the hover says so instead of describing it as if it were one.
    assert.match(api, /^\*\*imagePullPolicy: always\*\* — not a pull policy: the API server rejects the object\.\n\n\| registry/);
    assert.match(api, /\| `registry\.example\.com:5000` \|/);
    const policy = markdown(await client.hover(uri, client.positionOf(uri, 'always')));
    assert.match(policy, /would default to \*\*IfNotPresent\*\*/);
  });
});

test('completion offers imagePullPolicy values in containers and restartPolicy where allowed', async () => {
  await withServer({}, async (client) => {
    const uri = 'file:///work/complete.yaml';
    await client.open(uri, POD);
    const end = client.positionOf(uri, 'always', 6);
    const line = { start: client.positionOf(uri, 'always'), end };
    await client.change(uri, [{ range: line, newText: '' }]);
    const pull = await client.completion(uri, client.positionOf(uri, 'imagePullPolicy: ', 17));
    assert.deepEqual(pull.map((i) => i.label), ['Always', 'IfNotPresent', 'Never']);
    const podRestart = await client.completion(uri, client.positionOf(uri, 'restartPolicy: Always', 15));
    assert.deepEqual(podRestart.map((i) => i.label), ['Always', 'OnFailure', 'Never']);
    // An init container's restartPolicy may only be Always, which makes it a sidecar.
    const at = client.positionOf(uri, '      image: busybox');
    await client.change(uri, [{ range: { start: at, end: at }, newText: '      restartPolicy: \n' }]);
    const init = await client.completion(uri, client.positionOf(uri, '      restartPolicy: ', 21));
    assert.deepEqual(init.map((i) => i.label), ['Always']);
    assert.match(String((init[0]!.documentation as { value: string }).value), /sidecar/);
  });
});

test('quick fix for a wrong-case pull policy edits only the value; pin actions are listed without the network', async () => {
  await withServer({}, async (client) => {
    const uri = 'file:///work/fix.yaml';
    const diagnostics = await client.open(uri, POD);
    assert.ok(diagnostics.some((d) => d.code === 'image-pull-policy-invalid'));
    const p = client.positionOf(uri, 'always', 2);
    const actions = await client.codeActions(uri, p);
    const fix = actions.find((a) => a.title === 'Change to Always');
    assert.ok(fix?.edit, JSON.stringify(actions));
    client.applyWorkspaceEdit(fix.edit);
    assert.equal(client.text(uri), POD.replace('imagePullPolicy: always', 'imagePullPolicy: Always'));

    // Listing on a mutable tag offers "Pin to digest" with no edit yet: the lookup happens in resolve.
    const pin = (await client.codeActions(uri, client.positionOf(uri, 'nginx:latest', 8))).find((a) => a.title === 'Pin to digest');
    assert.ok(pin);
    assert.equal(pin.kind, 'quickfix');
    assert.equal(pin.edit, undefined);
    assert.ok(pin.data);
    // On a versioned image it is a refactoring.
    const refactor = (await client.codeActions(uri, client.positionOf(uri, 'team/api', 2))).find((a) => a.title === 'Pin to digest');
    assert.equal(refactor?.kind, 'refactor.rewrite');
    const source = await client.codeActions(uri, { line: 0, character: 0 }, { line: 0, character: 0 }, ['source']);
    assert.ok(source.some((a) => a.title === 'Pin all images in this file to digests'));
  });
});
