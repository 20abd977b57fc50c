/** `pod-lens inspect` and `check` on custom resources: each pod spec with its podSpecPath, and `--pod-templates`. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { startStub } from '../support/registry-stub';

const RAY_AND_WORKFLOW = `apiVersion: ray.io/v1
kind: RayCluster
metadata:
  name: ray
spec:
  headGroupSpec:
    template:
      spec:
        containers:
          - name: head
            image: rayproject/ray:2.9.0
  workerGroupSpecs:
    - groupName: a
      template:
        spec:
          containers:
            - name: worker
              image: rayproject/ray:2.9.0
    - groupName: b
      template:
        spec:
          containers:
            - name: worker
              image: rayproject/ray:2.9.0
---
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: wf
spec:
  templates:
    - name: steps
      steps: []
    - name: build
      initContainers:
        - name: fetch
          image: alpine/git:2.43.0
      script:
        image: python:3.12
        source: print(1)
`;

interface Inspected {
  document: number;
  kind: string;
  apiVersion?: string;
  podSpecPath: string;
  customResource?: { group: string; shape: string };
  qos?: string;
  containers: Array<{ name: string | null; type: string; path: string }>;
}

test('inspect lists every pod spec of a custom resource with its podSpecPath; workflow steps without a Pod plan', async () => {
  const r = await runCli(['inspect', '-'], { input: RAY_AND_WORKFLOW });
  assert.equal(r.status, 0, r.stderr);
  const workloads: Inspected[] = JSON.parse(r.stdout).files[0].workloads;
  assert.deepEqual(
    workloads.map((w) => [w.document, w.kind, w.apiVersion, w.podSpecPath, w.customResource, w.containers.map((c) => `${c.type} ${c.name} ${c.path}`)]),
    [
      [0, 'RayCluster', 'ray.io/v1', 'spec.headGroupSpec.template.spec', { group: 'ray.io', shape: 'template' }, ['app head spec.headGroupSpec.template.spec.containers[0]']],
      [0, 'RayCluster', 'ray.io/v1', 'spec.workerGroupSpecs[0].template.spec', { group: 'ray.io', shape: 'template' }, ['app worker spec.workerGroupSpecs[0].template.spec.containers[0]']],
      [0, 'RayCluster', 'ray.io/v1', 'spec.workerGroupSpecs[1].template.spec', { group: 'ray.io', shape: 'template' }, ['app worker spec.workerGroupSpecs[1].template.spec.containers[0]']],
      [1, 'Workflow', 'argoproj.io/v1alpha1', 'spec.templates[1]', { group: 'argoproj.io', shape: 'containers' }, ['init fetch spec.templates[1].initContainers[0]', 'app null spec.templates[1].script']],
    ],
  );
  // A Pod's QoS is the Ray group's to report; a workflow step's Pod is built by Argo, so none is claimed for it.
  assert.equal(workloads[0]!.qos, 'BestEffort');
  assert.equal(workloads[3]!.qos, undefined);

  const text = (await runCli(['inspect', '-', '--format', 'text'], { input: RAY_AND_WORKFLOW })).stdout.split('\n');
  assert.ok(text.includes('- #0: RayCluster ray at spec.workerGroupSpecs[1].template.spec'), text.join('\n'));
  assert.ok(text.includes('- #1: Workflow wf at spec.templates[1]'), text.join('\n'));
});

const WIDGET = `apiVersion: example.com/v1
kind: Widget
metadata:
  name: w
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:latest
`;

test('--pod-templates declares other kinds for check and inspect; bad entries are warned about, a bad file is a usage error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-cr-'));
  writeFileSync(join(dir, 'kinds.json'), JSON.stringify([{ apiVersion: 'example.com/v1', kind: 'Widget', paths: ['spec.template'] }, { kind: 'Nope' }]));
  writeFileSync(join(dir, 'broken.json'), '[{');
  writeFileSync(join(dir, 'w.yaml'), WIDGET);

  const without = await runCli(['check', join(dir, 'w.yaml'), '--format', 'json']);
  assert.deepEqual(JSON.parse(without.stdout).files[0].findings, [], 'an undeclared custom resource is not judged');

  const declared = await runCli(['check', join(dir, 'w.yaml'), '--format', 'json', '--pod-templates', 'kinds.json'], { cwd: dir });
  assert.equal(declared.status, 0, declared.stderr);
  assert.equal(declared.stderr, 'pod-lens: kinds.json: [1].apiVersion: skipped: must be the group/version of a custom resource, e.g. "example.com/v1"\n');
  assert.deepEqual(
    JSON.parse(declared.stdout).files[0].findings.map((f: { rule: string; path: string }) => [f.rule, f.path]),
    [['image-tag-mutable', 'spec.template.spec.containers[0].image']],
  );

  const inspect = JSON.parse((await runCli(['inspect', join(dir, 'w.yaml'), '--pod-templates', join(dir, 'kinds.json')])).stdout);
  assert.deepEqual(inspect.files[0].workloads.map((w: Inspected) => [w.kind, w.podSpecPath, w.customResource]), [['Widget', 'spec.template.spec', { group: 'example.com', shape: 'template' }]]);

  const broken = await runCli(['check', join(dir, 'w.yaml'), '--pod-templates', join(dir, 'broken.json')]);
  assert.equal(broken.status, 2);
  assert.match(broken.stderr, /^pod-lens: --pod-templates .*broken\.json: not JSON: /);
  const missing = await runCli(['inspect', join(dir, 'w.yaml'), '--pod-templates', join(dir, 'none.json')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /^pod-lens: --pod-templates .*none\.json: /);
});

test('pin rewrites the images of a Rollout, and of a kind declared with --pod-templates', async () => {
  const manifest = JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: {}, layers: [] });
  const digest = `sha256:${createHash('sha256').update(manifest).digest('hex')}`;
  const stub = await startStub((req, res) => {
    res.writeHead(200, { 'Docker-Content-Digest': digest, 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' }).end(req.method === 'HEAD' ? undefined : manifest);
  });
  try {
    const dir = mkdtempSync(join(tmpdir(), 'pod-lens-cr-pin-'));
    const image = `${stub.host}/team/app:1.0`;
    const rollout = `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: r\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: ${image}\n`;
    writeFileSync(join(dir, 'rollout.yaml'), rollout);
    writeFileSync(join(dir, 'widget.yaml'), WIDGET.replace('nginx:latest', image));
    writeFileSync(join(dir, 'kinds.json'), JSON.stringify([{ apiVersion: 'example.com/v1', kind: 'Widget', paths: ['spec.template'] }]));

    const r = await runCli(['pin', join(dir, 'rollout.yaml'), join(dir, 'widget.yaml'), '--pod-templates', join(dir, 'kinds.json')]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(join(dir, 'rollout.yaml'), 'utf8'), rollout.replace(image, `${image}@${digest}`));
    assert.equal(readFileSync(join(dir, 'widget.yaml'), 'utf8'), WIDGET.replace('nginx:latest', `${image}@${digest}`));
  } finally {
    await stub.stop();
  }
});
