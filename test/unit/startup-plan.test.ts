/** Startup and shutdown order: the Kubernetes docs' own examples (init containers, a sidecar Deployment, a sidecar Job). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startupPlan } from '../../server/src/analysis/k8s/startup-plan';
import { startupInput } from '../../server/src/analysis/inputs/pod-inputs';
import { parseManifests, workloadsOf } from '../../server/src/analysis/model/manifest';

function planOf(text: string) {
  const [w] = workloadsOf(parseManifests(text));
  return startupPlan(startupInput(w!.workload.podSpec, w!.workload.kind.isJob));
}

test('docs: myapp-pod waits for init-myservice then init-mydb', () => {
  const plan = planOf(readFileSync(join(__dirname, '..', '..', 'examples', 'myapp-pod.yaml'), 'utf8'));
  assert.equal(plan.summary, 'init-myservice → init-mydb → myapp-container');
  assert.deepEqual(plan.startupOrder.map((s) => [s.position, s.name, s.type, s.keepsRunning]), [
    [1, 'init-myservice', 'init', false],
    [2, 'init-mydb', 'init', false],
    [3, 'myapp-container', 'app', true],
  ]);
  assert.equal(plan.onInitFailure, 'the init container is retried with back-off (restartPolicy Always acts as OnFailure for init containers)');
});

test('docs: a sidecar Deployment starts logshipper first and stops it last', () => {
  const plan = planOf(readFileSync(join(__dirname, '..', '..', 'examples', 'sidecar-deployment.yaml'), 'utf8'));
  assert.equal(plan.summary, 'logshipper (sidecar, keeps running) → myapp');
  assert.deepEqual(plan.shutdownOrder.map((s) => s.names), [['myapp'], ['logshipper']]);
  assert.equal(plan.jobNote, undefined);
  assert.equal(plan.readyWhen, 'myapp is ready (sidecars count through their readinessProbe)');
});

test('a Pod with only app containers: no init-container text at all', () => {
  const plan = startupPlan({ initContainers: [], containers: [{ name: 'web', hasReadinessProbe: true }], isJob: false });
  assert.equal(plan.onInitFailure, undefined);
  assert.equal(plan.readyWhen, 'web is ready');
});

test('restartPolicy Never: a failing init container fails the whole Pod', () => {
  const plan = startupPlan({ initContainers: [{ name: 'i', isSidecar: false, hasStartupProbe: false, hasReadinessProbe: false }], containers: [{ name: 'a', hasReadinessProbe: false }], isJob: true, restartPolicy: 'Never' });
  assert.equal(plan.onInitFailure, 'restartPolicy Never: a failing init container fails the whole Pod');
  assert.equal(plan.readyWhen, 'all init containers have succeeded and a is ready');
});

test('docs: in a Job, sidecars do not hold up completion', () => {
  const plan = planOf(`apiVersion: batch/v1
kind: Job
metadata: {name: myjob}
spec:
  template:
    spec:
      containers:
        - {name: myjob, image: alpine:3.20}
      initContainers:
        - {name: logshipper, image: alpine:3.20, restartPolicy: Always}
      restartPolicy: Never
`);
  assert.match(plan.jobNote ?? '', /do not hold up completion/);
  assert.equal(plan.onInitFailure, 'a sidecar that exits is restarted with back-off, whatever the restartPolicy');
});

test('sidecars stop in reverse order after all app containers; startupProbe gates the next step', () => {
  const plan = startupPlan({
    initContainers: [
      { name: 's1', isSidecar: true, hasStartupProbe: true, hasReadinessProbe: true },
      { name: 'i1', isSidecar: false, hasStartupProbe: false, hasReadinessProbe: false },
      { name: 's2', isSidecar: true, hasStartupProbe: false, hasReadinessProbe: false },
    ],
    containers: [{ name: 'a', hasReadinessProbe: false }, { name: 'b', hasReadinessProbe: true }],
    isJob: false,
  });
  assert.equal(plan.summary, 's1 (sidecar, keeps running) → i1 → s2 (sidecar, keeps running) → a + b');
  assert.equal(plan.startupOrder[0]!.waitsFor, 'its startupProbe to succeed');
  assert.deepEqual(plan.shutdownOrder.map((s) => s.names), [['a', 'b'], ['s2'], ['s1']]);
  assert.match(plan.readyWhen, /a, b, s1 are ready/);
  // App containers share one position: they start together.
  assert.equal(plan.startupOrder[3]!.position, plan.startupOrder[4]!.position);
});
