/** Smoke tests of the built server as a process (the others run it in process): stdio, exit codes, the CLI's lsp, source maps. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HoverRequest, type HoverParams } from 'vscode-languageserver-protocol';
import { CLI } from '../support/cli';
import { isolatedEnv, LspClient } from '../support/lsp-client';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n';

for (const [name, command] of [
  ['node dist/server.js --stdio', undefined],
  ['pod-lens lsp --stdio', [CLI, 'lsp', '--stdio']],
] as const) {
  test(`${name}: diagnostics over stdio, exit code 0 after shutdown and exit`, async () => {
    const client = await LspClient.start({ process: true, command: command && [...command] });
    const uri = 'file:///work/process.yaml';
    const diagnostics = await client.open(uri, POD);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range]),
      [['container-image-required', { start: client.positionOf(uri, 'name: a'), end: client.positionOf(uri, 'name: a', 7) }]],
    );
    await client.stop();
    assert.equal(client.exitCode, 0, client.stderr);
    assert.equal(client.stderr, '');
  });
}

test('the minified bundle logs stack traces that name the TypeScript source (source maps on)', async () => {
  // The production server has no fault hook: a client's malformed request (a hover without its document) makes the
  // handler throw for real.
  const client = await LspClient.start({ process: true, env: isolatedEnv() });
  try {
    const uri = 'file:///work/fault.yaml';
    await client.open(uri, POD);
    assert.equal(await client.connection.sendRequest(HoverRequest.type, { position: client.positionOf(uri, 'name') } as unknown as HoverParams), null);
    const logged = await client.log(/hover failed/);
    assert.match(logged, /^\[error\] hover failed: TypeError: .*\n\s+at .*server\/src\/server\.ts:\d+:\d+/);
  } finally {
    await client.stop();
  }
});
