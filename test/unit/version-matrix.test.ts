/**
 * The version matrix: the same manifests checked against several targets give different findings, as the releases
 * differ (feature stages from kube_features.go, fields from the catalog, served versions from the deprecation guide).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, createFindingsCache } from '../../server/src/analysis/analyze';
import { RULES } from '../../server/src/analysis/rules/index';
import { parseManifests } from '../../server/src/analysis/model/manifest';
import { inspectModel } from '../../server/src/analysis/inspect';
import { NEWEST_MINOR, SUPPORTED_MINORS, type KubernetesTarget } from '../../server/src/analysis/k8s/target';
import { CATALOG_MINORS } from '../../server/src/analysis/schema/catalog';

const at = (minor: string, featureGates: Record<string, boolean> = {}): KubernetesTarget => ({ minor, featureGates });

/** [rule, field path, severity] of each finding, sorted: what differs between releases. */
function findings(text: string, target: KubernetesTarget): string[] {
  return analyze(parseManifests(text), { target })
    .findings.map((f) => `${f.rule} ${f.path ?? ''} ${f.severity}`)
    .sort();
}

// The valid modern input: container restart rules, relaxed env names, a hostname override.
const MODERN = `apiVersion: v1
kind: Pod
metadata:
  name: modern
spec:
  restartPolicy: Never
  hostnameOverride: worker-0
  initContainers:
    - name: setup
      image: busybox:1.36
      restartPolicy: Never
  containers:
    - name: app
      image: nginx:1.27
      restartPolicy: Never
      restartPolicyRules:
        - action: Restart
          exitCodes: {operator: In, values: [42]}
      env:
        - {name: "spring.config:location", value: /etc/app}
        - {name: 1ST_VALUE, value: "1"}
`;

const MODERN_MATRIX: Array<[KubernetesTarget, string[]]> = [
  [at('1.36'), []],
  [at('1.35'), []],
  [
    at('1.34'),
    [
      'field-dropped-by-feature-gate spec.containers[0].restartPolicy warning',
      'field-dropped-by-feature-gate spec.containers[0].restartPolicyRules warning',
      'field-dropped-by-feature-gate spec.hostnameOverride warning',
      'field-dropped-by-feature-gate spec.initContainers[0].restartPolicy warning',
    ],
  ],
  [at('1.34', { ContainerRestartRules: true, HostnameOverride: true }), []],
  [
    at('1.33'),
    [
      'container-restart-policy spec.containers[0].restartPolicy error',
      'field-unknown spec.containers[0].restartPolicyRules error',
      'field-unknown spec.hostnameOverride error',
      'init-container-restart-policy spec.initContainers[0].restartPolicy error',
    ],
  ],
  [
    at('1.31'),
    [
      'container-restart-policy spec.containers[0].restartPolicy error',
      'env-name-invalid spec.containers[0].env[0].name error',
      'env-name-invalid spec.containers[0].env[1].name error',
      'field-unknown spec.containers[0].restartPolicyRules error',
      'field-unknown spec.hostnameOverride error',
      'init-container-restart-policy spec.initContainers[0].restartPolicy error',
    ],
  ],
  // Gates set explicitly: relaxed names turned off where they are beta; locked GA gates keep their default.
  [
    at('1.33', { RelaxedEnvironmentVariableValidation: false }),
    [
      'container-restart-policy spec.containers[0].restartPolicy error',
      'env-name-invalid spec.containers[0].env[0].name error',
      'env-name-invalid spec.containers[0].env[1].name error',
      'field-unknown spec.containers[0].restartPolicyRules error',
      'field-unknown spec.hostnameOverride error',
      'init-container-restart-policy spec.initContainers[0].restartPolicy error',
    ],
  ],
  [at('1.36', { RelaxedEnvironmentVariableValidation: false }), []],
];

for (const [target, want] of MODERN_MATRIX) {
  test(`modern pod at ${JSON.stringify(target)}`, () => assert.deepEqual(findings(MODERN, target), want));
}

const REMOVED_APIS = `apiVersion: flowcontrol.apiserver.k8s.io/v1beta3
kind: PriorityLevelConfiguration
metadata:
  name: low
spec:
  type: Limited
---
apiVersion: v1
kind: Endpoints
metadata:
  name: legacy
`;

for (const [minor, want] of [
  ['1.28', []],
  ['1.29', ['api-version-unserved apiVersion warning']],
  ['1.31', ['api-version-unserved apiVersion warning']],
  ['1.32', ['api-version-unserved apiVersion error']],
  ['1.33', ['api-version-unserved apiVersion error', 'api-version-unserved apiVersion warning']],
] as const) {
  test(`served versions at ${minor}`, () => assert.deepEqual(findings(REMOVED_APIS, at(minor)), want));
}

// Sidecars and pod-level resources in the effective resources, QoS and startup order.
const SIDECAR_POD = `apiVersion: v1
kind: Pod
metadata:
  name: plan
spec:
  resources:
    requests: {cpu: "2", memory: 2Gi}
    limits: {cpu: "2", memory: 2Gi}
  initContainers:
    - name: proxy
      image: envoyproxy/envoy:v1.31.0
      restartPolicy: Always
      resources:
        requests: {cpu: 100m, memory: 64Mi}
  containers:
    - name: app
      image: nginx:1.27
      resources:
        requests: {cpu: 500m, memory: 256Mi}
`;

function plan(target: KubernetesTarget) {
  const [w] = inspectModel(parseManifests(SIDECAR_POD), undefined, target);
  const order = (w!.startupOrder as Array<{ name: string; type: string }>).map((s) => `${s.name}:${s.type}`);
  return { order, requests: (w!.effectiveResources as { requests: Record<string, string> }).requests, qos: w!.qos };
}

test('pod-level resources count where PodLevelResources is on (beta in 1.34), not before', () => {
  assert.deepEqual(plan(at('1.34')), { order: ['proxy:sidecar', 'app:app'], requests: { cpu: '2', memory: '2Gi' }, qos: 'Guaranteed' });
  assert.deepEqual(plan(at('1.33')), { order: ['proxy:sidecar', 'app:app'], requests: { cpu: '600m', memory: '320Mi' }, qos: 'Burstable' });
  assert.deepEqual(plan(at('1.34', { PodLevelResources: false })).qos, 'Burstable');
});

test('without SidecarContainers an init container with restartPolicy: Always runs to completion first', () => {
  const off = plan(at('1.32', { SidecarContainers: false, PodLevelResources: false }));
  assert.deepEqual(off.order, ['proxy:init', 'app:app']);
  // A regular init container's requests count on their own, not added to the app's: max(100m, 500m).
  assert.deepEqual(off.requests, { cpu: '500m', memory: '256Mi' });
  assert.deepEqual(plan(at('1.33', { SidecarContainers: false })).order, ['proxy:sidecar', 'app:app'], 'locked on from 1.33');
});

test("the editor's setting lists every minor Pod Lens can target, the newest by default", () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { enum?: string[]; default?: unknown }> } } };
  const setting = pkg.contributes.configuration.properties['podLens.kubernetesVersion']!;
  assert.deepEqual(setting.enum, [...SUPPORTED_MINORS]);
  assert.equal(setting.default, NEWEST_MINOR);
});

test('the target spans exactly the catalog: its first minor is the oldest target, its newest the default', () => {
  assert.equal(CATALOG_MINORS.minors[0], SUPPORTED_MINORS[0]);
  assert.equal(CATALOG_MINORS.newest, NEWEST_MINOR);
  for (const m of [...CATALOG_MINORS.minors, ...CATALOG_MINORS.unobserved]) assert.ok(SUPPORTED_MINORS.includes(m), m);
});

test('the findings cache keeps one document apart per target: a new target is checked anew, not served from the cache', () => {
  const cache = createFindingsCache();
  const model = parseManifests(MODERN);
  const run = (target: KubernetesTarget) => analyze(model, { target }, RULES, cache).findings.map((f) => f.rule).sort();
  assert.deepEqual(run(at('1.36')), []);
  assert.deepEqual(run(at('1.33')), ['container-restart-policy', 'field-unknown', 'field-unknown', 'init-container-restart-policy']);
  assert.deepEqual(run(at('1.36')), []);
});

// The oldest release: sidecars are alpha (off), sleep hooks do not exist yet, and a claim template's storage request
// is a ResourceRequirements (VolumeResourceRequirements from 1.29: the catalog follows the rename).
const STATEFUL_SET = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      initContainers:
        - name: proxy
          image: envoy:1.0
          restartPolicy: Always
      containers:
        - name: db
          image: postgres:16
          lifecycle:
            preStop:
              sleep: {seconds: 5}
  volumeClaimTemplates:
    - metadata: {name: data}
      spec:
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 1Gi}}
`;

for (const [minor, want] of [
  ['1.28', ['field-dropped-by-feature-gate spec.template.spec.initContainers[0].restartPolicy warning', 'field-unknown spec.template.spec.containers[0].lifecycle.preStop.sleep error']],
  ['1.29', ['field-dropped-by-feature-gate spec.template.spec.containers[0].lifecycle.preStop.sleep warning']],
  ['1.30', []],
] as const) {
  test(`a StatefulSet with a sidecar and a sleep hook at ${minor}`, () => assert.deepEqual(findings(STATEFUL_SET, at(minor)), want));
}
