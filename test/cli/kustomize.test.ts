/** `pod-lens check` on a Kustomize tree: patches are partial objects, and a kustomization brings what it builds from. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';

const ROOT = join(__dirname, '..', 'fixtures', 'workspace', 'kustomize');
const PORT = 'Invalid value: 80800: must be between 1 and 65535, inclusive. The API server rejects the object.';

interface Report {
  files: Array<{ path: string; findings: Array<{ rule: string; message: string; path: string | null; range: { start: { line: number; character: number } } }> }>;
}

function findingsByFile(stdout: string): Record<string, string[]> {
  const report = JSON.parse(stdout) as Report;
  return Object.fromEntries(report.files.map((f) => [f.path, f.findings.map((x) => `${x.range.start.line + 1}:${x.range.start.character + 1} ${x.rule}: ${x.message}`)]));
}

test('check <folder>: a strategic-merge patch without image or selector gets no required-field error; its own fields and its merged Deployment are checked', async () => {
  const r = await runCli(['check', ROOT, '--format', 'json']);
  assert.equal(r.status, 1, r.stderr);
  const byFile = findingsByFile(r.stdout);
  // No required-field error; the merged Deployment's real problem (the base's cpu request over the patch's limit)
  // lands on what the patch changed.
  assert.deepEqual(byFile[join(ROOT, 'overlays/prod/resources.yaml')], [`11:11 resource-request-exceeds-limit: ${MERGED}`]);
  assert.deepEqual(byFile[join(ROOT, 'overlays/prod/ports.yaml')], [`12:30 port-invalid: ${PORT}`]);
  // A JSON 6902 patch: the merged Deployment's problems land on the operations' values (the sidecar's image as the
  // kustomization's `replacements:` rewrite it); one that does not apply to the base (no spec.replicas to replace) is
  // the error kustomize build stops with.
  assert.deepEqual(byFile[join(ROOT, 'overlays/prod/sidecar.yaml')], [`6:12 image-reference-invalid: ${SIDECAR_IMAGE}`, `9:24 port-invalid: ${SIDECAR_PORT}`, `13:10 field-value-unsupported: ${TERMINATION}`]);
  assert.deepEqual(byFile[join(ROOT, 'overlays/prod/replicas.json')], [`1:28 kustomize-patch-failed: ${REPLICAS}`]);
});

const FOUND = 'Found in the Deployment Kustomize builds from this patch and kustomize/base/deployment.yaml.';
const SIDECAR_IMAGE = `couldn't parse image name "registry.example.com/Log-Shipper:2.0": invalid reference format: repository name (Log-Shipper) must be lowercase. The API server accepts this, but the kubelet cannot parse it: the container waits with reason InvalidImageName and never starts. ${FOUND}`;
const SIDECAR_PORT = `Invalid value: 70000: must be between 1 and 65535, inclusive. The API server rejects the object. ${FOUND}`;
const TERMINATION = `Unsupported value: "OnError": supported values: "FallbackToLogsOnError", "File". The API server rejects the object. ${FOUND}`;
const REPLICAS =
  'Kustomize cannot apply this operation to the Deployment in kustomize/base/deployment.yaml: "replace operation does not apply: doc is missing key: /spec/replicas: missing value". kustomize build stops there and nothing is applied.';

const MERGED =
  'Invalid value: "100m": must be less than or equal to cpu limit of 50m. The API server rejects the object. Found in the Deployment Kustomize builds from this patch and kustomize/base/deployment.yaml.';
const LOG_LEVEL =
  "$(LOG_LEVEL) refers to no environment variable of this container; the kubelet leaves it as the literal text. Write $$(LOG_LEVEL) to mean that text, or use the shell's $LOG_LEVEL.";

test('$(VAR) of a kustomization\'s `vars` is no undefined env reference in the files it builds; other names still are', async () => {
  const r = await runCli(['check', ROOT, '--format', 'json']);
  assert.deepEqual(findingsByFile(r.stdout)[join(ROOT, 'base/deployment.yaml')], [`20:61 env-reference-undefined: ${LOG_LEVEL}`]);
  // Without the kustomization the same file's $(WEB_SERVICE) is unknown to the kubelet: both uses are reported.
  const alone = await runCli(['check', join(ROOT, 'base/deployment.yaml'), '--format', 'json']);
  assert.deepEqual(
    (JSON.parse(alone.stdout) as Report).files[0]!.findings.map((f) => f.path),
    ['spec.template.spec.containers[0].args[1]', 'spec.template.spec.containers[0].args[3]', 'spec.template.spec.containers[0].env[0].value'],
  );
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
    join(ROOT, 'overlays/prod/migrate.yaml'),
    join(ROOT, 'overlays/prod/ports.yaml'),
    join(ROOT, 'overlays/prod/pull-secret.yaml'),
    join(ROOT, 'overlays/prod/replicas.json'),
    join(ROOT, 'overlays/prod/resources.yaml'),
    join(ROOT, 'overlays/prod/settings.yaml'),
    join(ROOT, 'overlays/prod/sidecar.yaml'),
  ]);
  // No required-field error; the merged Deployment's real problem (the base's cpu request over the patch's limit)
  // lands on what the patch changed.
  assert.deepEqual(byFile[join(ROOT, 'overlays/prod/resources.yaml')], [`11:11 resource-request-exceeds-limit: ${MERGED}`]);
  assert.deepEqual(byFile[join(ROOT, 'overlays/prod/ports.yaml')], [`12:30 port-invalid: ${PORT}`]);
  // The base's pull secret is found: once built, the Deployment and the overlay's Secret are both in namespace prod.
  assert.deepEqual(byFile[join(ROOT, 'base/deployment.yaml')], [`20:61 env-reference-undefined: ${LOG_LEVEL}`]);
});

test('the same patch file checked alone, with no kustomization naming it, is a whole object again', async () => {
  const r = await runCli(['check', join(ROOT, 'overlays/prod/resources.yaml'), '--format', 'json']);
  assert.equal(r.status, 1);
  const [file] = (JSON.parse(r.stdout) as Report).files;
  assert.deepEqual(file!.findings.map((f) => f.rule), ['field-required', 'container-image-required']);
});

test('a hostile kustomization: cycles end, files outside its folder are refused as kustomize refuses them, the run goes on', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-kustomize-'));
  mkdirSync(join(dir, 'a'));
  mkdirSync(join(dir, 'b'));
  writeFileSync(join(dir, 'a', 'kustomization.yaml'), 'resources:\n  - ../b\n  - .\n  - ../outside.yaml\n  - /dev/zero\n  - missing.yaml\n  - https://github.com/example/repo//deploy\npatches:\n  - path: ../../../../etc/passwd\n');
  writeFileSync(join(dir, 'b', 'kustomization.yaml'), 'resources: [../a]\n');
  writeFileSync(join(dir, 'outside.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: []}\n');
  const r = await runCli(['check', join(dir, 'a', 'kustomization.yaml'), '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual((JSON.parse(r.stdout) as Report).files.map((f) => f.path), [join(dir, 'a', 'kustomization.yaml'), join(dir, 'b', 'kustomization.yaml')]);
  const refused = (p: string) => `pod-lens: ${p}: skipped: not read: kustomize refuses it ("security; file is not in or below ${join(dir, 'a')}"): a kustomization may name files only in or below its own folder\n`;
  assert.equal(r.stderr, refused(join(dir, 'outside.yaml')) + refused('/dev/zero') + refused('/etc/passwd'));
});

test('inline patches of a kustomization are merged onto what it builds: a JSON patch at a labelSelector target, a strategic-merge patch, a failing operation', async () => {
  const inline = join(__dirname, '..', 'fixtures', 'workspace', 'kustomize-inline');
  const r = await runCli(['check', join(inline, 'overlay', 'Kustomization'), '--format', 'json']);
  assert.equal(r.status, 1, r.stderr);
  const found = 'Found in the Deployment Kustomize builds from this patch and kustomize-inline/base/deployment.yaml.';
  assert.deepEqual(findingsByFile(r.stdout), {
    [join(inline, 'base', 'deployment.yaml')]: [],
    [join(inline, 'base', 'kustomization.yaml')]: [],
    [join(inline, 'overlay', 'Kustomization')]: [
      `15:16 field-value-unsupported: Unsupported value: "Sometimes": supported values: "ClusterFirst", "ClusterFirstWithHostNet", "Default", "None". The API server rejects the object. ${found}`,
      `30:27 probe-port-undeclared: port "metrics" is not a port name of container app: the kubelet cannot resolve it and the probe always fails. ${found}`,
      '36:15 kustomize-patch-failed: Kustomize cannot apply this operation to the Deployment in kustomize-inline/base/deployment.yaml: "replace operation does not apply: doc is missing key: /spec/replicas: missing value". kustomize build stops there and nothing is applied.',
    ],
  });
});
