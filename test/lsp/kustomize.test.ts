/** Kustomize through the real server: the workspace scan finds the kustomizations, and files they use as patches are partial. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DefinitionRequest, type Diagnostic } from 'vscode-languageserver-protocol';
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

test('a patch listed under `patches:` gets no false container-image-required but its merged Deployment\'s problem; a patchesStrategicMerge file keeps its real error', async () => {
  await withServer({ workspaceFolders: [{ uri: pathToFileURL(ROOT).toString(), name: 'ws' }] }, async (client) => {
    const noRequired = (d: Diagnostic[]) => !d.some((x) => x.code === 'container-image-required');
    assert.deepEqual((await diagnosticsAfterScan(client, 'overlays/prod/resources.yaml', noRequired)).map(brief), [
      {
        code: 'resource-request-exceeds-limit',
        message:
          'Invalid value: "100m": must be less than or equal to cpu limit of 50m. The API server rejects the object. Found in the Deployment Kustomize builds from this patch and kustomize/base/deployment.yaml.',
        range: { start: { line: 10, character: 10 }, end: { line: 10, character: 19 } },
      },
    ]);
    // Hover on the patched container and the startup lens of a patch that adds an init container show the merged object.
    const patch = uriOf('overlays/prod/resources.yaml');
    const hover = await client.hover(patch, client.positionOf(patch, '- name: app', 8));
    const markdown = (hover?.contents as { value: string }).value;
    assert.ok(markdown.startsWith('**After Kustomize**: container `app` as this patch and `kustomize/base/deployment.yaml` make it\n\n```json\n{\n  "name": "app",\n  "image": "registry.example.com/web:1.0",'), markdown);
    assert.ok(markdown.includes('"limits": {\n      "memory": "512Mi",\n      "cpu": "50m"\n    }'), markdown);
    const migrate = uriOf('overlays/prod/migrate.yaml');
    await client.open(migrate, readFileSync(join(ROOT, 'overlays/prod/migrate.yaml'), 'utf8'));
    assert.deepEqual((await client.codeLens(migrate))?.map((l) => [l.range.start.line, l.command?.title]), [[0, 'Startup after Kustomize: migrate → app']]);
    const plan = (await client.connection.sendRequest('podLens/startupPlan', { uri: migrate })) as { workloads: Array<{ title: string; summary: string }> };
    assert.deepEqual(plan.workloads.map((w) => [w.title, w.summary]), [['Deployment web (after Kustomize)', 'migrate → app']]);
    assert.deepEqual((await diagnosticsAfterScan(client, 'overlays/prod/ports.yaml', noRequired)).map(brief), [
      {
        code: 'port-invalid',
        message: 'Invalid value: 80800: must be between 1 and 65535, inclusive. The API server rejects the object.',
        range: { start: { line: 11, character: 29 }, end: { line: 11, character: 34 } },
      },
    ]);
  });
});

test('$(WEB_SERVICE), a var of the base kustomization, is not an undefined env reference in the base Deployment; its image hover shows the overlay\'s image', async () => {
  await withServer({ workspaceFolders: [{ uri: pathToFileURL(ROOT).toString(), name: 'ws' }] }, async (client) => {
    const onlyLogLevel = (d: Diagnostic[]) => d.length === 1;
    assert.deepEqual((await diagnosticsAfterScan(client, 'base/deployment.yaml', onlyLogLevel)).map(brief), [
      {
        code: 'env-reference-undefined',
        message:
          "$(LOG_LEVEL) refers to no environment variable of this container; the kubelet leaves it as the literal text. Write $$(LOG_LEVEL) to mean that text, or use the shell's $LOG_LEVEL.",
        range: { start: { line: 19, character: 60 }, end: { line: 19, character: 74 } },
      },
    ]);
    const uri = uriOf('base/deployment.yaml');
    // Go to definition on the pull secret: the overlay's Secret, in the namespace the overlay gives both (prod).
    const locations = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: client.positionOf(uri, 'regcred', 2) })) as Array<{ uri: string }>;
    assert.deepEqual(locations.map((l) => l.uri), [uriOf('overlays/prod/pull-secret.yaml')]);
    // The image hover says what the overlay's `images:` entry makes of the base's image.
    const hover = await client.hover(uri, client.positionOf(uri, 'registry.example.com/web', 2));
    const markdown = (hover?.contents as { value: string }).value;
    assert.ok(
      markdown.includes('**After Kustomize** (`overlays/prod/kustomization.yaml`): `registry.example.com/web:1.1` — the `images:` entries rewrite it; this is what the cluster runs.'),
      markdown,
    );
  });
});

test('a JSON 6902 patch: the Deployment its operations make (then `replacements:`) is checked, findings on the operation that set the field; an operation that does not apply is kustomize\'s error', async () => {
  await withServer({ workspaceFolders: [{ uri: pathToFileURL(ROOT).toString(), name: 'ws' }] }, async (client) => {
    const found = 'Found in the Deployment Kustomize builds from this patch and kustomize/base/deployment.yaml.';
    assert.deepEqual((await diagnosticsAfterScan(client, 'overlays/prod/sidecar.yaml', (d) => d.length === 3)).map(brief), [
      {
        // The image as the kustomization's `replacements:` entry rewrites it (from the ConfigMap of settings.yaml).
        code: 'image-reference-invalid',
        message: `couldn't parse image name "registry.example.com/Log-Shipper:2.0": invalid reference format: repository name (Log-Shipper) must be lowercase. The API server accepts this, but the kubelet cannot parse it: the container waits with reason InvalidImageName and never starts. ${found}`,
        range: { start: { line: 5, character: 11 }, end: { line: 5, character: 47 } },
      },
      {
        code: 'port-invalid',
        message: `Invalid value: 70000: must be between 1 and 65535, inclusive. The API server rejects the object. ${found}`,
        range: { start: { line: 8, character: 23 }, end: { line: 8, character: 28 } },
      },
      {
        code: 'field-value-unsupported',
        message: `Unsupported value: "OnError": supported values: "FallbackToLogsOnError", "File". The API server rejects the object. ${found}`,
        range: { start: { line: 12, character: 9 }, end: { line: 12, character: 16 } },
      },
    ]);
    assert.deepEqual((await diagnosticsAfterScan(client, 'overlays/prod/replicas.json', (d) => d.length === 1)).map(brief), [
      {
        code: 'kustomize-patch-failed',
        message:
          'Kustomize cannot apply this operation to the Deployment in kustomize/base/deployment.yaml: "replace operation does not apply: doc is missing key: /spec/replicas: missing value". kustomize build stops there and nothing is applied.',
        range: { start: { line: 0, character: 27 }, end: { line: 0, character: 43 } },
      },
    ]);
  });
});

test('inline patches of a kustomization: the objects they make are checked where their text stands', async () => {
  const inline = join(__dirname, '..', 'fixtures', 'workspace', 'kustomize-inline');
  await withServer({ workspaceFolders: [{ uri: pathToFileURL(inline).toString(), name: 'ws' }] }, async (client) => {
    const uri = pathToFileURL(join(inline, 'overlay', 'Kustomization')).toString();
    const wait = client.nextDiagnostics(uri, (p) => p.diagnostics.length === 3, 15_000);
    await client.open(uri, readFileSync(join(inline, 'overlay', 'Kustomization'), 'utf8'));
    await client.log(/^indexed \d+ files of ws/);
    const latest = client.latest.get(uri)!.diagnostics;
    const diagnostics = latest.length === 3 ? latest : await wait;
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]),
      [
        ['field-value-unsupported', 14, 15, 24],
        ['probe-port-undeclared', 29, 26, 33],
        ['kustomize-patch-failed', 35, 14, 28],
      ],
    );
    assert.equal(diagnostics[0]!.message, 'Unsupported value: "Sometimes": supported values: "ClusterFirst", "ClusterFirstWithHostNet", "Default", "None". The API server rejects the object. Found in the Deployment Kustomize builds from this patch and kustomize-inline/base/deployment.yaml.');
  });
});
