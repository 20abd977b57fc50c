/**
 * A pin that fails says why and what to try next (issue #19 item 6): codeAction/resolve rejects with the reason and a
 * hint in the message and typed `data` the VS Code client shows as its notification; "pin all" reports the same; the
 * light bulb offers "pin all" beside "Pin to digest". A closed loopback port stands in for an unreachable registry.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ResponseError } from 'vscode-languageserver-protocol';
import { freePort } from '../support/free-port';
import { withServer } from '../support/lsp-client';

// A loopback port just released: nothing listens there, so the connection is refused at once (no DNS, no timeout).
let HOST = '';
let IMAGE = '';
let TEXT = '';
before(async () => {
  HOST = `127.0.0.1:${await freePort()}`;
  IMAGE = `${HOST}/team/app:1.0`;
  TEXT = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: ${IMAGE}\n`;
});
const HINT = 'Check the network connection and proxy (http.proxy or HTTPS_PROXY), or set podLens.registry.mirrors to a registry mirror you can reach.';

test('a failed "Pin to digest" rejects with the reason and the next step, as message and data', async () => {
  await withServer({}, async (client) => {
    const uri = 'file:///work/unreachable.yaml';
    await client.open(uri, TEXT);
    const actions = await client.codeActions(uri, client.positionOf(uri, 'team/app', 2));
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind]),
      [
        ['Pin to digest', 'refactor.rewrite'],
        ['Pin all images in this file to digests', 'source.pinDigests'],
        ['Pin all images in this file to digests', 'refactor.rewrite.pinDigests'],
      ],
    );
    const pin = actions[0]!;
    const error = await client.resolve(pin).then(
      () => assert.fail('resolve succeeded against a closed port'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ResponseError, String(error));
    assert.equal(error.message, `Cannot pin ${IMAGE}: cannot reach ${HOST}: ECONNREFUSED. ${HINT}`);
    assert.deepEqual(error.data, { podLens: 'pin-failed', image: IMAGE, code: 'network', reason: `cannot reach ${HOST}: ECONNREFUSED`, hint: HINT });
  });
});

test('pin all reports each failure with its reason and hint, and edits nothing', async () => {
  await withServer({}, async (client) => {
    const uri = 'file:///work/unreachable-all.yaml';
    await client.open(uri, TEXT);
    const result = await client.executeCommand('podLens.server.pinAllImages', [uri]);
    assert.deepEqual(result, { pinned: [], failed: [{ image: IMAGE, message: `cannot reach ${HOST}: ECONNREFUSED`, hint: HINT }], applied: false });
    assert.equal(client.appliedEdits.length, 0);
  });
});

test('the light bulb offers "pin all" only where a pin is offered', async () => {
  await withServer({}, async (client) => {
    const uri = 'file:///work/bulb.yaml';
    await client.open(uri, TEXT);
    const onName = await client.codeActions(uri, client.positionOf(uri, 'name: app', 0), undefined, ['refactor']);
    assert.deepEqual(onName.map((a) => a.title), []);
    const onImage = await client.codeActions(uri, client.positionOf(uri, 'team/app', 2), undefined, ['refactor']);
    assert.deepEqual(onImage.map((a) => [a.title, a.kind]), [['Pin to digest', 'refactor.rewrite'], ['Pin all images in this file to digests', 'refactor.rewrite.pinDigests']]);
  });
});
