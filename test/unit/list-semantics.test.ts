/** List semantics: the catalog API, the kustomize merge keys derived from it, the hover line, and a cross-check with Kubernetes v1.13's swagger. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { catalogTypeNames, goStructName } from '../../server/src/analysis/schema/catalog';
import { listSemantics } from '../../server/src/analysis/schema/list-semantics';
import { mergeKeyOf } from '../../server/src/analysis/kustomize/merge-keys';
import { listSemanticsLine } from '../../server/src/analysis/hover/list-line';
import { hoverAt } from '../../server/src/analysis/hover/index';
import { parseManifests } from '../../server/src/analysis/model/manifest';
import { applyListSemantics, type ListSemanticsEntry } from '../../scripts/gen-catalog/list-semantics';
import type { CatalogType } from '../../server/src/analysis/schema/catalog';

test('listSemantics answers for list fields only', () => {
  assert.deepEqual(listSemantics('V1PodSpec', 'containers'), { listType: 'map', listMapKeys: ['name'], patchMergeKey: 'name', patchStrategies: ['merge'] });
  assert.deepEqual(listSemantics('V1PodSpec', 'volumes'), { listType: 'map', listMapKeys: ['name'], patchMergeKey: 'name', patchStrategies: ['merge', 'retainKeys'] });
  assert.deepEqual(listSemantics('V1ObjectMeta', 'finalizers'), { listType: 'set', listMapKeys: [], patchStrategies: ['merge'] });
  assert.deepEqual(listSemantics('V1Container', 'args'), { listType: 'atomic', listMapKeys: [], patchStrategies: [] });
  assert.deepEqual(listSemantics('List', 'items'), { listType: 'unspecified', listMapKeys: [], patchStrategies: [] });
  assert.equal(listSemantics('V1PodSpec', 'nodeName'), undefined);
  assert.equal(listSemantics('V1PodSpec', 'nope'), undefined);
  assert.equal(listSemantics('NoSuchType', 'containers'), undefined);
});

test('the generator takes an entry only for a list field of the catalog', () => {
  const types = (): Record<string, CatalogType> => ({ V1PodSpec: { f: { containers: { t: '[]V1Container' }, nodeName: { t: 'string' } } } });
  const file = (type: string, field: string, e: ListSemanticsEntry) => ({ license: 'Apache-2.0', copyright: 'The Kubernetes Authors', sources: [{ repo: 'r', path: 'p', commit: 'c', types: { [type]: { [field]: e } } }] });
  const ok = types();
  applyListSemantics(ok, file('V1PodSpec', 'containers', { listType: 'map', listMapKeys: ['name'], patchMergeKey: 'name', patchStrategy: 'merge' }));
  assert.deepEqual(ok.V1PodSpec!.f.containers, { t: '[]V1Container', l: 'map', k: ['name'], pk: 'name', ps: 'merge' });
  const errors: Array<[string, string, ListSemanticsEntry, string]> = [
    ['V1PodSpec', 'nope', { listType: 'atomic' }, 'list-semantics.json: V1PodSpec.nope is not a field of the catalog'],
    ['V1Pod', 'containers', { listType: 'atomic' }, 'list-semantics.json: V1Pod.containers is not a field of the catalog'],
    ['V1PodSpec', 'nodeName', { listType: 'atomic' }, 'list-semantics.json: V1PodSpec.nodeName is string, not a list'],
    ['V1PodSpec', 'containers', { listType: 'map' }, 'list-semantics.json: V1PodSpec.containers: listMapKeys go with listType map'],
    ['V1PodSpec', 'containers', { listType: 'atomic', patchStrategy: 'merge,keep' }, 'list-semantics.json: V1PodSpec.containers has patchStrategy merge,keep'],
  ];
  for (const [type, field, e, message] of errors) assert.throws(() => applyListSemantics(types(), file(type, field, e)), { message });
});

// The table merge-keys.ts held by hand before it was derived from the catalog: kyaml's keys for these lists.
test('kustomize merge keys: the list map keys, else the patch merge key, else a set; lists without merge are replaced', () => {
  const cases: Array<[string, string, string | string[] | undefined]> = [
    ['V1PodSpec', 'containers', 'name'],
    ['V1PodSpec', 'initContainers', 'name'],
    ['V1PodSpec', 'ephemeralContainers', 'name'],
    ['V1PodSpec', 'volumes', 'name'],
    ['V1PodSpec', 'imagePullSecrets', 'name'],
    ['V1PodSpec', 'hostAliases', 'ip'],
    ['V1PodSpec', 'topologySpreadConstraints', ['topologyKey', 'whenUnsatisfiable']],
    ['V1PodSpec', 'schedulingGates', 'name'],
    ['V1PodSpec', 'resourceClaims', 'name'],
    ['V1Container', 'ports', ['containerPort', 'protocol']],
    ['V1Container', 'env', 'name'],
    ['V1Container', 'volumeMounts', 'mountPath'],
    ['V1Container', 'volumeDevices', 'devicePath'],
    ['V1EphemeralContainer', 'ports', ['containerPort', 'protocol']],
    ['V1EphemeralContainer', 'env', 'name'],
    ['V1EphemeralContainer', 'volumeMounts', 'mountPath'],
    ['V1EphemeralContainer', 'volumeDevices', 'devicePath'],
    ['V1ObjectMeta', 'finalizers', ''],
    ['V1ObjectMeta', 'ownerReferences', 'uid'],
    ['V1ServiceSpec', 'ports', ['port', 'protocol']],
    ['V1ServiceAccount', 'secrets', 'name'],
    ['V1PodStatus', 'hostIPs', 'ip'],
    ['V1PodSpec', 'tolerations', undefined],
    ['V1Container', 'args', undefined],
    ['V1Container', 'envFrom', undefined],
    ['V1ResourceRequirements', 'claims', undefined],
    ['V1PodSpec', 'nodeName', undefined],
  ];
  for (const [type, field, want] of cases) assert.deepEqual(mergeKeyOf(type, field), want, `${type}.${field}`);
  assert.equal(mergeKeyOf(undefined, 'containers'), undefined);
});

test('the hover line of a list field', () => {
  const cases: Array<[string, string, string | undefined]> = [
    ['V1PodSpec', 'containers', 'List: entries are keyed by `name` (merged by `name` under `kubectl apply`).'],
    ['V1Container', 'ports', 'List: entries are keyed by `containerPort` and `protocol` (merged by `containerPort` under `kubectl apply`).'],
    ['V1ResourceRequirements', 'claims', 'List: entries are keyed by `name` (replaced whole under `kubectl apply`).'],
    ['V1ObjectMeta', 'finalizers', 'List: a set (values merged under `kubectl apply`).'],
    ['V1UncountedTerminatedPods', 'failed', 'List: a set (replaced whole under `kubectl apply`).'],
    ['V1PodSpec', 'tolerations', 'List: replaced whole (atomic).'],
    ['V1PodStatus', 'hostIPs', 'List: replaced whole under server-side apply (atomic), merged by `ip` under `kubectl apply`.'],
    ['List', 'items', 'List: replaced whole (no list type: atomic).'],
    ['V1PodSpec', 'hostname', undefined],
  ];
  for (const [type, field, want] of cases) assert.equal(listSemanticsLine(type, field), want, `${type}.${field}`);
});

test('the field hover of a list field carries its list line', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  tolerations: []\n  containers:\n    - name: app\n      image: nginx:1.27\n';
  const hover = hoverAt(parseManifests(text), text.indexOf('tolerations') + 1, {});
  assert.equal(
    hover?.markdown,
    [
      '**tolerations** `[]Toleration` · PodSpec',
      '',
      "If specified, the pod's tolerations.",
      '',
      'List: replaced whole (atomic).',
      '',
      '[Kubernetes API reference](https://kubernetes.io/docs/reference/kubernetes-api/)',
    ].join('\n'),
  );
});

// Debian's golang-k8s-kube-openapi-dev ships the Kubernetes v1.13 swagger as test data (Apache-2.0, The Kubernetes
// Authors): an independent record of the patch merge keys and strategies. A key may have been added since 1.13, never
// changed; only list properties are compared (1.13 also tagged LabelSelectorRequirement.key, a string, since untagged).
const SWAGGER_1_13 = '/usr/share/gocode/src/k8s.io/kube-openapi/pkg/schemaconv/testdata/swagger.json';

interface SwaggerProperty {
  type?: string;
  'x-kubernetes-patch-merge-key'?: string;
  'x-kubernetes-patch-strategy'?: string;
}

test('patch merge keys and strategies agree with Kubernetes v1.13', { skip: !existsSync(SWAGGER_1_13) && `${SWAGGER_1_13} is absent: apt-get install golang-k8s-kube-openapi-dev (scripts/prerequisites.mjs)` }, () => {
  const swagger = JSON.parse(readFileSync(SWAGGER_1_13, 'utf8')) as { info: { version: string }; definitions: Record<string, { properties?: Record<string, SwaggerProperty> }> };
  assert.equal(swagger.info.version, 'v1.13.0');
  // The groups the catalog's types come from; a catalog type is compared when exactly one definition has its Go name.
  const groups = /^io\.k8s\.(?:api\.(?:core|apps|batch|node)|apimachinery\.pkg\.apis\.meta)\.v1\.(\w+)$/;
  const byName = new Map<string, string[]>();
  for (const name of Object.keys(swagger.definitions)) {
    const m = groups.exec(name);
    if (m) byName.set(m[1]!, [...(byName.get(m[1]!) ?? []), name]);
  }
  const compared: string[] = [];
  for (const typeName of catalogTypeNames()) {
    const found = byName.get(goStructName(typeName));
    if (found?.length !== 1) continue;
    for (const [field, p] of Object.entries(swagger.definitions[found[0]!]!.properties ?? {})) {
      if (p.type !== 'array' || p['x-kubernetes-patch-merge-key'] === undefined && p['x-kubernetes-patch-strategy'] === undefined) continue;
      const s = listSemantics(typeName, field);
      if (!s) continue;
      compared.push(`${typeName}.${field}`);
      assert.equal(s.patchMergeKey, p['x-kubernetes-patch-merge-key'], `${typeName}.${field} patch merge key`);
      assert.deepEqual(s.patchStrategies, p['x-kubernetes-patch-strategy']?.split(',') ?? [], `${typeName}.${field} patch strategy`);
    }
  }
  // PodSpec's containers, volumes, …, Container's env and ports, ObjectMeta's finalizers and ownerReferences, …
  assert.ok(compared.length >= 20, compared.join(', '));
  assert.ok(compared.includes('V1PodSpec.containers') && compared.includes('V1ObjectMeta.finalizers'), compared.join(', '));
});
