/** Custom resources against the CRD in the workspace, through the real server: findings come with the CRD and follow it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { withServer } from '../support/lsp-client';

const CASE = join(__dirname, '..', 'fixtures', 'workspace', 'crd');
/** The fixture's texts without their expectation comments (the server sees what a user writes). */
const read = (name: string) => readFileSync(join(CASE, name), 'utf8').replace(/^#.*\n/gm, '');

const ours = (ds: Diagnostic[]) =>
  ds.filter((d) => d.code === 'custom-resource-schema').map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`);

const REPLICAS = '15:12-15:15 Invalid value: "string": spec.replicas in body must be of type integer: "string". The API server rejects the object.';
const IMGAE = '16:2-16:7 strict decoding error: unknown field "spec.imgae". The API server rejects the object (fieldValidation=Strict, kubectl\'s default).';
const V2 = '18:12-18:33 no matches for kind "CronTab" in version "stable.example.com/v2": the CustomResourceDefinition serves v1. kubectl refuses the object.';

test('custom resources are checked once their CRD is indexed, and again when it changes or goes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-crd-'));
  try {
    const crdPath = join(dir, 'crd.yaml');
    const crdUri = pathToFileURL(crdPath).toString();
    await withServer({ workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'ws' }] }, async (client) => {
      const crontabs = pathToFileURL(join(dir, 'crontabs.yaml')).toString();
      // No CRD in the workspace: the custom resources' own fields are not judged.
      assert.deepEqual(ours(await client.open(crontabs, read('crontabs.yaml'))), []);

      // The CRD appears on disk: the open file is checked against it.
      writeFileSync(crdPath, read('crd.yaml'));
      const checked = client.nextDiagnostics(crontabs, (p) => ours(p.diagnostics).length > 0, 15_000);
      await client.filesChanged([{ uri: crdUri, type: 1 }]);
      assert.deepEqual(ours(await checked), [REPLICAS, IMGAE, V2]);

      // The CRD changes: replicas become a string field, v2 is served too.
      writeFileSync(crdPath, read('crd.yaml').replace(/replicas:\n(\s+)type: integer\n\s+minimum: 1/, 'replicas:\n$1type: string').replace('  versions:\n', '  versions:\n    - {name: v2, served: true, storage: false}\n'));
      const changed = client.nextDiagnostics(crontabs, (p) => !ours(p.diagnostics).includes(V2), 15_000);
      await client.filesChanged([{ uri: crdUri, type: 2 }]);
      // The good CronTab's integer replicas are now the wrong type; the bad one's string is right; v2 is served.
      assert.deepEqual(ours(await changed), ['6:12-6:13 Invalid value: "integer": spec.replicas in body must be of type string: "integer". The API server rejects the object.', IMGAE]);

      // The CRD open in the editor counts as typed: a higher minimum makes the good CronTab's replicas too few.
      await client.open(crdUri, readFileSync(crdPath, 'utf8'));
      const typed = client.nextDiagnostics(crontabs, (p) => ours(p.diagnostics).some((m) => m.includes('greater than')), 15_000);
      const at = client.positionOf(crdUri, 'type: string', 0, 1); // replicas' type (cronSpec's comes first)
      await client.change(crdUri, [{ range: { start: at, end: { line: at.line, character: at.character + 'type: string'.length } }, newText: 'type: integer\n                  minimum: 3' }]);
      assert.deepEqual(ours(await typed), [
        '6:12-6:13 Invalid value: 2: spec.replicas in body should be greater than or equal to 3. The API server rejects the object.',
        REPLICAS,
        IMGAE,
      ]);
      await client.close(crdUri);

      // The CRD is deleted: nothing is said about the custom resources any more.
      rmSync(crdPath);
      const gone = client.nextDiagnostics(crontabs, (p) => ours(p.diagnostics).length === 0, 15_000);
      await client.filesChanged([{ uri: crdUri, type: 3 }]);
      await gone;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('podLens.fieldValidation Warn makes an unknown field of a custom resource a warning; Ignore silences it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-crd-'));
  try {
    writeFileSync(join(dir, 'crd.yaml'), read('crd.yaml'));
    await withServer({ workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'ws' }] }, async (client) => {
      const crontabs = pathToFileURL(join(dir, 'crontabs.yaml')).toString();
      const indexed = client.nextDiagnostics(crontabs, (p) => ours(p.diagnostics).length === 3, 15_000);
      await client.open(crontabs, read('crontabs.yaml'));
      await indexed;
      const warned = await client.setSettings({ fieldValidation: 'Warn' }, crontabs);
      const imgae = warned!.find((d) => d.code === 'custom-resource-schema' && d.message.includes('imgae'));
      assert.equal(imgae?.message, 'unknown field "spec.imgae". The API server drops the field (fieldValidation=Warn).');
      assert.equal(imgae?.severity, 2);
      const ignored = await client.setSettings({ fieldValidation: 'Ignore' }, crontabs);
      assert.deepEqual(ours(ignored!), [REPLICAS, V2]);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
