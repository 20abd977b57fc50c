/** A Kustomize patch checked as the object it makes: findings on what the patch sets, or on what it changed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis/analyze';
import { parseManifests } from '../../server/src/analysis/model/manifest';
import type { KustomizeFacts } from '../../server/src/analysis/kustomize/coverage';

const BASE = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      image: registry.example.com/a:1.0
      resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 64Mi}}
    - name: b
      image: registry.example.com/b:latest
      resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 64Mi}}
      volumeMounts:
        - name: data
          mountPath: /data
`;
const PATCH = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: b
      imagePullPolicy: IfNotPresent
      volumeMounts:
        - name: cache
          mountPath: /cache
`;
const FACTS: KustomizeFacts = { patchOf: ['file:///w/overlay/kustomization.yaml'], vars: [], images: [], patchBases: ['file:///w/base/pod.yaml'], patchTargets: [], patchOrder: [] };
const FOUND = ' Found in the Pod Kustomize builds from this patch and w/base/pod.yaml.';

function findingsOf(patch: string, bases = [{ place: 'file:///w/base/pod.yaml', text: BASE }]): Array<[string, string, string]> {
  return analyze(parseManifests(patch), { kustomize: FACTS, kustomizeBases: bases }).findings.map((f) => [f.rule, patch.slice(f.span.start, f.span.end), f.message]);
}

test('merged by merge key whatever the positions: the patch\'s fields carry the merged problems; the base\'s own stay in the base', () => {
  assert.deepEqual(findingsOf(PATCH), [
    [
      'image-pull-policy-stale-latest',
      'IfNotPresent',
      `Stale "latest" on each node: with imagePullPolicy IfNotPresent the kubelet pulls "registry.example.com/b:latest" (tag "latest") only on nodes that have no copy, so every node keeps running whichever "latest" it pulled first and new pushes never reach it. Pin a version tag or a digest.${FOUND}`,
    ],
    ['volume-mount-not-found', 'cache', `Not found: "cache": the Pod has no volume of that name; the API server rejects the object.${FOUND}`],
  ]);
});

test('without its base in the workspace, a patch is only partial: nothing is said of what it lacks', () => {
  assert.deepEqual(findingsOf(PATCH, []), []);
  assert.deepEqual(findingsOf(PATCH.replace('name: p', 'name: other')), []);
});

test('a problem the patch has on its own is said once, on its own span', () => {
  const patch = PATCH.replace('imagePullPolicy: IfNotPresent', 'imagePullPolicy: Sometimes');
  assert.deepEqual(
    findingsOf(patch).filter(([rule]) => rule === 'image-pull-policy-invalid').map(([, text]) => text),
    ['Sometimes'],
  );
});

test('a patch listed with a `target` applies to the target, whatever name the patch gives itself', () => {
  const renamed = PATCH.replace('name: p', 'name: not-used');
  const options = { kustomize: { ...FACTS, patchTargets: [{ kind: 'Pod', name: 'p' }] }, kustomizeBases: [{ place: 'file:///w/base/pod.yaml', text: BASE }] };
  const rules = analyze(parseManifests(renamed), options).findings.map((f) => `${f.rule} ${renamed.slice(f.span.start, f.span.end)}`);
  assert.deepEqual(rules, ['image-pull-policy-stale-latest IfNotPresent', 'volume-mount-not-found cache']);
});

test('the kustomization\'s other patches are applied too, in order: a volume another patch adds is there for this patch\'s mount', () => {
  const volume = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  volumes: [{name: cache, emptyDir: {}}]\n';
  for (const isBefore of [true, false]) {
    const options = {
      kustomize: FACTS,
      kustomizeBases: [{ place: 'file:///w/base/pod.yaml', text: BASE }],
      kustomizeOtherPatches: [{ place: 'file:///w/overlay/volume.yaml', text: volume, isBefore }],
    };
    const rules = analyze(parseManifests(PATCH), options).findings.map((f) => `${f.rule} ${PATCH.slice(f.span.start, f.span.end)}`);
    assert.deepEqual(rules, ['image-pull-policy-stale-latest IfNotPresent'], `volume patch ${isBefore ? 'before' : 'after'}`);
  }
});

test('the kustomization\'s other patches apply in order at their targets: a JSON patch listed after a strategic-merge patch changes the object it makes', async () => {
  const { mergedObject } = await import('../../server/src/analysis/kustomize/merged-object');
  const smp = parseManifests('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      imagePullPolicy: Always\n').documents[0]!;
  const json = '- op: replace\n  path: /spec/containers/0/image\n  value: registry.example.com/a:2.0\n';
  const merged = (targets?: Array<{ kind?: string; name?: string }>) =>
    mergedObject(smp, [{ place: 'base.yaml', text: BASE }], new Map(), [], [{ place: 'json.yaml', text: json, isBefore: false, ...(targets ? { targets } : {}) }])?.model.documents[0]?.value as { spec: { containers: Array<{ image: string; imagePullPolicy?: string }> } };
  const { image, imagePullPolicy } = merged([{ kind: 'Pod', name: 'p.*' }]).spec.containers[0]!;
  assert.deepEqual([image, imagePullPolicy], ['registry.example.com/a:2.0', 'Always']);
  // A target that selects another object leaves this one alone; a JSON patch without a target applies nowhere.
  assert.equal(merged([{ kind: 'Deployment' }]).spec.containers[0]!.image, 'registry.example.com/a:1.0');
  assert.equal(merged().spec.containers[0]!.image, 'registry.example.com/a:1.0');
});
