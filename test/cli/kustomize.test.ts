/** `pod-lens check` on a Kustomize tree: patches are partial objects, and a kustomization brings what it builds from. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli } from '../support/cli';

const ROOT = join(__dirname, '..', 'fixtures', 'workspace', 'kustomize');
const POLICY =
  'spec.template.spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never". The API server rejects the object.';

interface Report {
  files: Array<{ path: string; findings: Array<{ rule: string; message: string; range: { start: { line: number; character: number } } }> }>;
}

function findingsByFile(stdout: string): Record<string, string[]> {
  const report = JSON.parse(stdout) as Report;
  return Object.fromEntries(report.files.map((f) => [f.path, f.findings.map((x) => `${x.range.start.line + 1}:${x.range.start.character + 1} ${x.rule}: ${x.message}`)]));
}

test('check <folder>: a strategic-merge patch without image or selector gets no required-field error; its own fields are still checked', async () => {
  const r = await runCli(['check', ROOT, '--format', 'json']);
  assert.equal(r.status, 1, r.stderr);
  const byFile = findingsByFile(r.stdout);
  assert.deepEqual(byFile[join(ROOT, 'overlays/prod/resources.yaml')], []);
  assert.deepEqual(byFile[join(ROOT, 'overlays/prod/pull-policy.yaml')], [`10:28 image-pull-policy-invalid: ${POLICY}`]);
});

test('check <overlay>/kustomization.yaml reads the base and patches it names, and judges the patches as patches', async () => {
  const r = await runCli(['check', join(ROOT, 'overlays/prod/kustomization.yaml'), '--format', 'json']);
  assert.equal(r.status, 1, r.stderr);
  const byFile = findingsByFile(r.stdout);
  assert.deepEqual(Object.keys(byFile).sort(), [
    join(ROOT, 'base/deployment.yaml'),
    join(ROOT, 'base/kustomization.yaml'),
    join(ROOT, 'base/service.yaml'),
    join(ROOT, 'overlays/prod/kustomization.yaml'),
    join(ROOT, 'overlays/prod/pull-policy.yaml'),
    join(ROOT, 'overlays/prod/replicas.json'),
    join(ROOT, 'overlays/prod/resources.yaml'),
  ]);
  assert.deepEqual(byFile[join(ROOT, 'overlays/prod/resources.yaml')], []);
  assert.deepEqual(byFile[join(ROOT, 'overlays/prod/pull-policy.yaml')], [`10:28 image-pull-policy-invalid: ${POLICY}`]);
});

test('the same patch file checked alone, with no kustomization naming it, is a whole object again', async () => {
  const r = await runCli(['check', join(ROOT, 'overlays/prod/resources.yaml'), '--format', 'json']);
  assert.equal(r.status, 1);
  const [file] = (JSON.parse(r.stdout) as Report).files;
  assert.deepEqual(file!.findings.map((f) => f.rule), ['field-required', 'container-image-required']);
});
