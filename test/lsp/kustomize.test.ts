/** Kustomize through the real server: the workspace scan finds the kustomizations, and files they use as patches are partial. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { withServer, type LspClient } from '../support/lsp-client';

const ROOT = join(__dirname, '..', 'fixtures', 'workspace', 'kustomize');
const uriOf = (path: string) => pathToFileURL(join(ROOT, path)).toString();

/** Opens a fixture file and returns its diagnostics once the scan has indexed the kustomizations (`settled` says when). */
async function diagnosticsAfterScan(client: LspClient, path: string, settled: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  const uri = uriOf(path);
  const wait = client.nextDiagnostics(uri, (p) => settled(p.diagnostics), 15_000);
  await client.open(uri, readFileSync(join(ROOT, path), 'utf8'));
  await client.log(/^indexed \d+ files of ws/);
  const latest = client.latest.get(uri)!.diagnostics;
  return settled(latest) ? latest : wait;
}

const brief = (d: Diagnostic) => ({ code: d.code, message: d.message, range: d.range });

test('a patch listed under `patches:` gets no false container-image-required; a patchesStrategicMerge file keeps its real error', async () => {
  await withServer({ workspaceFolders: [{ uri: pathToFileURL(ROOT).toString(), name: 'ws' }] }, async (client) => {
    const noRequired = (d: Diagnostic[]) => !d.some((x) => x.code === 'container-image-required');
    assert.deepEqual((await diagnosticsAfterScan(client, 'overlays/prod/resources.yaml', noRequired)).map(brief), []);
    assert.deepEqual((await diagnosticsAfterScan(client, 'overlays/prod/pull-policy.yaml', noRequired)).map(brief), [
      {
        code: 'image-pull-policy-invalid',
        message:
          'spec.template.spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never". The API server rejects the object.',
        range: { start: { line: 9, character: 27 }, end: { line: 9, character: 36 } },
      },
    ]);
  });
});
