/** The generated API catalog: equal to the generator's output when its sources are installed, and right on a sample checked against upstream. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CATALOG_FILE, generateCatalogText, sourcesInstalled } from '../../scripts/gen-catalog';
import { catalogField, catalogType, goTypeName, typeOfKind, CATALOG_MINORS, type CatalogField } from '../../server/src/analysis/schema/catalog';

test('the committed catalog is what the generator writes from the installed sources', { skip: !sourcesInstalled() && 'catalog sources not installed' }, () => {
  assert.equal(readFileSync(CATALOG_FILE, 'utf8'), generateCatalogText());
});

test('every kind Pod Lens reads has a root type', () => {
  const kinds: Array<[string, string, string]> = [
    ['v1', 'Pod', 'V1Pod'],
    ['v1', 'PodTemplate', 'V1PodTemplate'],
    ['apps/v1', 'Deployment', 'V1Deployment'],
    ['apps/v1', 'ReplicaSet', 'V1ReplicaSet'],
    ['apps/v1', 'StatefulSet', 'V1StatefulSet'],
    ['apps/v1', 'DaemonSet', 'V1DaemonSet'],
    ['v1', 'ReplicationController', 'V1ReplicationController'],
    ['batch/v1', 'Job', 'V1Job'],
    ['batch/v1', 'CronJob', 'V1CronJob'],
    ['v1', 'Secret', 'V1Secret'],
    ['v1', 'ConfigMap', 'V1ConfigMap'],
    ['v1', 'ServiceAccount', 'V1ServiceAccount'],
    ['v1', 'Service', 'V1Service'],
    ['v1', 'PersistentVolumeClaim', 'V1PersistentVolumeClaim'],
    ['node.k8s.io/v1', 'RuntimeClass', 'V1RuntimeClass'],
    ['v1', 'List', 'List'],
  ];
  for (const [apiVersion, kind, type] of kinds) {
    assert.equal(typeOfKind(apiVersion, kind), type, `${apiVersion} ${kind}`);
    assert.ok(catalogType(type), type);
  }
  assert.deepEqual(CATALOG_MINORS.minors, ['1.28', '1.29', '1.30', '1.32', '1.33', '1.34', '1.36']);
  assert.deepEqual(CATALOG_MINORS.unobserved, ['1.31', '1.35']);
});

// Cross-checked against kubernetes/kubernetes api/openapi-spec/v3/api__v1_openapi.json (io.k8s.api.core.v1.ContainerPort,
// Container, PodSpec) through the search tool: the same properties, formats, required list and enum values.
test('ContainerPort as the upstream OpenAPI describes it', () => {
  const t = catalogType('V1ContainerPort')!;
  assert.deepEqual(Object.keys(t.f), ['containerPort', 'hostIP', 'hostPort', 'name', 'protocol']);
  assert.deepEqual(Object.fromEntries(Object.entries(t.f).map(([k, f]) => [k, f.t])), {
    containerPort: 'int32',
    hostIP: 'string',
    hostPort: 'int32',
    name: 'string',
    protocol: 'string',
  });
  assert.equal(t.f.containerPort!.r, 1);
  assert.deepEqual(t.f.protocol!.e, ['SCTP', 'TCP', 'UDP']);
  assert.equal(t.f.protocol!.df, 'TCP');
});

test('types, formats, enums and versions of a sample of fields', () => {
  const cases: Array<[string, string, Partial<{ t: string; e: string[]; s: string | undefined; u: string; r: 1 }>]> = [
    ['V1Container', 'name', { t: 'string', r: 1 }],
    ['V1Container', 'imagePullPolicy', { t: 'string', e: ['Always', 'IfNotPresent', 'Never'] }],
    ['V1Container', 'ports', { t: '[]V1ContainerPort' }],
    ['V1Container', 'restartPolicyRules', { t: '[]V1ContainerRestartRule', s: '1.34' }],
    ['V1PodSpec', 'containers', { t: '[]V1Container', r: 1 }],
    ['V1PodSpec', 'terminationGracePeriodSeconds', { t: 'int64' }],
    ['V1PodSpec', 'nodeSelector', { t: '{}string' }],
    ['V1PodSpec', 'resources', { t: 'V1ResourceRequirements', s: '1.32' }],
    ['V1PodSpec', 'hostnameOverride', { t: 'string', s: '1.34' }],
    ['V1PodSpec', 'overhead', { t: '{}quantity' }],
    ['V1ResourceRequirements', 'limits', { t: '{}quantity' }],
    ['V1HTTPGetAction', 'port', { t: 'int-or-string', r: 1 }],
    ['V1LifecycleHandler', 'sleep', { t: 'V1SleepAction', s: '1.29' }], // PodLifecycleSleepAction, alpha in 1.29
    // Renamed from V1ResourceClaim in 1.34 (client-node's name): the same field since DRA's first release here.
    ['CoreV1ResourceClaim', 'name', { t: 'string', r: 1, s: undefined }],
    ['V1SecurityContext', 'appArmorProfile', { t: 'V1AppArmorProfile', s: '1.30' }],
    ['V1Volume', 'image', { t: 'V1ImageVolumeSource', s: '1.32' }],
    ['V1Secret', 'data', { t: '{}byte' }],
    ['V1ObjectMeta', 'creationTimestamp', { t: 'date-time' }],
    ['V1DeploymentSpec', 'replicas', { t: 'int32' }],
    ['V1DeploymentSpec', 'selector', { t: 'V1LabelSelector', r: 1 }],
    ['V1ServiceSpec', 'type', { t: 'string', e: ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'] }],
    ['V1PodSpec', 'dnsPolicy', { t: 'string', e: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'] }],
  ];
  for (const [type, field, want] of cases) {
    const f = catalogField(type, field);
    assert.ok(f, `${type}.${field}`);
    for (const [k, v] of Object.entries(want)) assert.deepEqual((f as unknown as Record<string, unknown>)[k], v, `${type}.${field}.${k}`);
  }
});

test('Go type names as encoding/json prints them', () => {
  const cases: Array<[string, string]> = [
    ['int32', 'int32'],
    ['boolean', 'bool'],
    ['[]V1Container', '[]v1.Container'],
    ['{}string', 'map[string]string'],
    ['V1PodSpec', 'v1.PodSpec'],
    ['{}byte', 'map[string][]uint8'],
  ];
  for (const [t, want] of cases) assert.equal(goTypeName(t), want, t);
});

// Checked against kubernetes/api core/v1/types.go, k8s.io/apimachinery meta/v1/types.go and batch/v1/types.go at the
// commits list-semantics.json names: the +listType, +listMapKey, +patchMergeKey and +patchStrategy markers.
test('list semantics of a sample of list fields', () => {
  const lists = (type: string, field: string): Pick<CatalogField, 'l' | 'k' | 'pk' | 'ps'> => {
    const f = catalogField(type, field)!;
    return Object.fromEntries(Object.entries({ l: f.l, k: f.k, pk: f.pk, ps: f.ps }).filter(([, v]) => v !== undefined));
  };
  assert.deepEqual(lists('V1PodSpec', 'containers'), { l: 'map', k: ['name'], pk: 'name', ps: 'merge' });
  assert.deepEqual(lists('V1PodSpec', 'volumes'), { l: 'map', k: ['name'], pk: 'name', ps: 'merge,retainKeys' });
  assert.deepEqual(lists('V1Container', 'ports'), { l: 'map', k: ['containerPort', 'protocol'], pk: 'containerPort', ps: 'merge' });
  assert.deepEqual(lists('V1PodSpec', 'topologySpreadConstraints'), { l: 'map', k: ['topologyKey', 'whenUnsatisfiable'], pk: 'topologyKey', ps: 'merge' });
  assert.deepEqual(lists('V1PodSpec', 'tolerations'), { l: 'atomic' });
  assert.deepEqual(lists('V1ObjectMeta', 'finalizers'), { l: 'set', ps: 'merge' });
  assert.deepEqual(lists('V1Container', 'args'), { l: 'atomic' });
  assert.deepEqual(lists('V1ResourceRequirements', 'claims'), { l: 'map', k: ['name'] });
  assert.deepEqual(lists('V1PodStatus', 'hostIPs'), { l: 'atomic', pk: 'ip', ps: 'merge' });
  assert.deepEqual(lists('V1UncountedTerminatedPods', 'failed'), { l: 'set' });
  assert.deepEqual(lists('V1LabelSelector', 'matchExpressions'), { l: 'atomic' });
  assert.deepEqual(lists('V1PodSpec', 'nodeSelector'), {});
});

test('every list field under a pod template, a workload spec, ObjectMeta and LabelSelector has its list type', () => {
  const roots = ['V1PodSpec', 'V1PodTemplateSpec', 'V1DeploymentSpec', 'V1StatefulSetSpec', 'V1DaemonSetSpec', 'V1ReplicaSetSpec', 'V1ReplicationControllerSpec', 'V1JobSpec', 'V1CronJobSpec', 'V1ObjectMeta', 'V1LabelSelector'];
  const seen = new Set<string>();
  const without: string[] = [];
  const queue = [...roots];
  while (queue.length) {
    const name = queue.pop()!;
    const t = catalogType(name);
    if (!t || seen.has(name)) continue;
    seen.add(name);
    for (const [field, f] of Object.entries(t.f)) {
      if (f.t.startsWith('[]') && !f.l) without.push(`${name}.${field}`);
      const inner = f.t.replace(/^(\[\]|\{\})/, '');
      if (catalogType(inner)) queue.push(inner);
    }
  }
  assert.ok(seen.size > 60, String(seen.size));
  assert.deepEqual(without, []);
});
