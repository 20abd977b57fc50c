/** Typed views: generated from the catalog, read as the API decodes, and the facts derived from them once. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generateViewsText, VIEWS_FILE } from '../../scripts/gen-views';
import { podReferences } from '../../server/src/analysis/k8s/pod-references';
import { objectOfKind } from '../../server/src/analysis/model/api/kind-view';
import { effectivePullSecrets } from '../../server/src/analysis/k8s/pull-secrets';
import { parseManifests } from '../../server/src/analysis/model/manifest';
import type { PodSpecView } from '../../server/src/analysis/model/pod-spec';
import type { IndexedObject, WorkspaceView } from '../../server/src/analysis/workspace-view';

test('the committed view types are what the generator writes from the committed catalog', () => {
  assert.equal(readFileSync(VIEWS_FILE, 'utf8'), generateViewsText());
});

function podSpec(text: string): PodSpecView {
  const spec = parseManifests(text).documents[0]?.workload?.podSpec;
  assert.ok(spec, 'a pod spec');
  return spec;
}

const POD = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: web
      image: nginx:1.27
      stdin: yes
      ports:
        - containerPort: "80"
        - containerPort: 8080
          name: http
      args: [serve, 3]
      resources:
        limits: {cpu: 1, memory: 1Gi}
      livenessProbe:
        httpGet: {port: http}
`;

test('scalars have a value only when written with their type, as the JSON decoder takes them', () => {
  const web = podSpec(POD).containers[0]!.fields;
  assert.deepEqual([web.name?.value, web.image?.value, web.stdin?.value], ['web', 'nginx:1.27', true]);
  const [first, second] = web.ports;
  assert.equal(first?.containerPort?.value, undefined, 'a string where int32 is expected is present but untyped');
  assert.equal(first?.containerPort?.written, '80');
  assert.equal(first?.containerPort?.path, 'spec.containers[0].ports[0].containerPort');
  assert.equal(second?.containerPort?.value, 8080);
  assert.equal(second?.name?.value, 'http');
  assert.deepEqual(web.args.map((a) => [a.value, a.written, a.path]), [['serve', 'serve', 'spec.containers[0].args[0]'], [undefined, 3, 'spec.containers[0].args[1]']]);
  assert.equal(web.livenessProbe?.httpGet?.port?.value, 'http', 'int-or-string takes a string');
  assert.deepEqual([...(web.resources?.limits ?? new Map())].map(([k, v]) => [k, v.value, v.path]), [['cpu', 1, 'spec.containers[0].resources.limits[cpu]'], ['memory', '1Gi', 'spec.containers[0].resources.limits[memory]']]);
});

test('absent lists and maps read empty, absent objects and scalars undefined; $entry gives what is written', () => {
  const web = podSpec(POD).containers[0]!.fields;
  assert.deepEqual([web.env, web.volumeMounts], [[], []]);
  assert.equal(web.resources?.requests.size, 0);
  assert.equal(web.readinessProbe, undefined);
  assert.equal(web.workingDir, undefined);
  const ports = web.$entry('ports');
  assert.equal(POD.slice(ports!.keySpan.start, ports!.keySpan.end), 'ports');
  assert.equal(web.$entry('env'), undefined);
  assert.equal(web.$path, 'spec.containers[0]');
  assert.equal(web.$type, 'V1Container');
});

const REFERENCES = `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      serviceAccountName: builder
      runtimeClassName: gvisor
      imagePullSecrets: [{name: regcred}]
      containers:
        - name: app
          image: app:1
          env:
            - name: A
              valueFrom: {configMapKeyRef: {name: settings, key: a}}
            - name: B
              valueFrom: {secretKeyRef: {name: tokens, key: b, optional: true}}
          envFrom: [{configMapRef: {name: shared}}]
      volumes:
        - name: data
          persistentVolumeClaim: {claimName: data}
        - name: certs
          secret: {secretName: certs}
`;

test('podReferences: every object a pod spec names, with its key and whether it is optional, once', () => {
  const refs = podReferences(podSpec(REFERENCES)).map((r) => [r.kind, r.name.value, r.key?.value, r.optional, r.via, r.name.path]);
  assert.deepEqual(refs, [
    ['ServiceAccount', 'builder', undefined, false, 'serviceAccountName', 'spec.template.spec.serviceAccountName'],
    ['RuntimeClass', 'gvisor', undefined, false, 'runtimeClassName', 'spec.template.spec.runtimeClassName'],
    ['Secret', 'regcred', undefined, false, 'imagePullSecrets', 'spec.template.spec.imagePullSecrets[0].name'],
    ['ConfigMap', 'settings', 'a', false, 'env', 'spec.template.spec.containers[0].env[0].valueFrom.configMapKeyRef.name'],
    ['Secret', 'tokens', 'b', true, 'env', 'spec.template.spec.containers[0].env[1].valueFrom.secretKeyRef.name'],
    ['ConfigMap', 'shared', undefined, false, 'envFrom', 'spec.template.spec.containers[0].envFrom[0].configMapRef.name'],
    ['PersistentVolumeClaim', 'data', undefined, false, 'volume', 'spec.template.spec.volumes[0].persistentVolumeClaim.claimName'],
    ['Secret', 'certs', undefined, false, 'volume', 'spec.template.spec.volumes[1].secret.secretName'],
  ]);
});

function workspaceWith(serviceAccountPullSecrets: string[]): WorkspaceView {
  const sa: IndexedObject = { kind: 'ServiceAccount', apiVersion: 'v1', namespace: undefined, name: 'builder', uri: 'sa.yaml', span: { start: 0, end: 0 }, facts: { imagePullSecrets: serviceAccountPullSecrets } };
  return { find: <K extends string>(kind: K, name: string) => (kind === 'ServiceAccount' && name === 'builder' ? [sa] : []) as IndexedObject<K>[], hasKind: (kind) => kind === 'ServiceAccount' };
}

test("effective pull secrets: the service account's only when the Pod lists none (an empty name counts as one)", () => {
  const ws = workspaceWith(['from-sa']);
  const pod = (secrets: string) => podSpec(`apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  serviceAccountName: builder\n${secrets}  containers: [{name: a, image: a:1}]\n`);
  assert.deepEqual(effectivePullSecrets(pod(''), undefined, ws), { own: [], fromServiceAccount: ['from-sa'], serviceAccount: 'builder' });
  assert.deepEqual(effectivePullSecrets(pod('  imagePullSecrets: [{name: mine}]\n'), undefined, ws), { own: ['mine'], fromServiceAccount: [], serviceAccount: 'builder' });
  assert.deepEqual(effectivePullSecrets(pod('  imagePullSecrets: [{name: ""}]\n'), undefined, ws), { own: [], fromServiceAccount: [], serviceAccount: 'builder' });
});

test('objects typed by kind, and the Pod metadata of a workload (its template\'s)', () => {
  const [secret, deploy] = parseManifests(`apiVersion: v1
kind: Secret
metadata: {name: s, labels: {a: b}}
type: kubernetes.io/dockerconfigjson
stringData: {.dockerconfigjson: "{}"}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    metadata: {annotations: {x: y}}
    spec: {containers: [{name: a, image: a:1}]}
`).documents;
  const typed = objectOfKind(secret!, 'Secret');
  assert.equal(typed?.type?.value, 'kubernetes.io/dockerconfigjson');
  assert.deepEqual([...(typed?.stringData.keys() ?? [])], ['.dockerconfigjson']);
  assert.equal(objectOfKind(secret!, 'ConfigMap'), undefined);
  assert.equal(secret!.metadata?.labels.get('a')?.value, 'b');
  assert.equal(deploy!.workload?.podMetadata?.annotations.get('x')?.path, 'spec.template.metadata.annotations[x]');
  assert.equal(objectOfKind(deploy!, 'Deployment')?.spec?.template?.spec?.containers[0]?.image?.value, 'a:1');
});
