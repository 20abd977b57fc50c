/** Field-name completion from indentation: which type is at the cursor, which keys are left, what is inserted. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completionsAt } from '../../server/src/analysis/completion/index';
import { parseManifests } from '../../server/src/analysis/model/manifest';

/** Completions at the `|` of the text. */
function at(source: string): Array<{ label: string; insertText?: string }> {
  const offset = source.indexOf('|');
  return completionsAt(parseManifests(source.replace('|', '')), offset);
}

test('the fields offered depend on where the cursor is', () => {
  const cases: Array<[string, string, string[]]> = [
    ['pod spec', 'apiVersion: v1\nkind: Pod\nspec:\n  |\n  containers: []\n', ['activeDeadlineSeconds', 'affinity', 'volumes']],
    ['ephemeral container: no ports, probes or resources', 'apiVersion: v1\nkind: Pod\nspec:\n  ephemeralContainers:\n    - name: debug\n      |\n', ['args', 'targetContainerName', 'workingDir']],
    ['a new list item', 'apiVersion: v1\nkind: Pod\nspec:\n  volumes:\n    - |\n', ['name', 'emptyDir', 'secret']],
    ['deep: a probe of a Deployment container', 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          readinessProbe:\n            |\n', ['exec', 'httpGet', 'periodSeconds']],
    ['a Service port', 'apiVersion: v1\nkind: Service\nspec:\n  ports:\n    - port: 80\n      |\n', ['name', 'targetPort', 'protocol']],
  ];
  for (const [name, source, some] of cases) {
    const labels = at(source).map((i) => i.label);
    for (const s of some) assert.ok(labels.includes(s), `${name}: ${s} in ${labels.join(' ')}`);
  }
  const ephemeral = at(cases[1]![1]).map((i) => i.label);
  for (const forbidden of ['ports', 'livenessProbe', 'resources', 'lifecycle']) assert.ok(!ephemeral.includes(forbidden), forbidden);
  assert.ok(!at(cases[4]![1]).some((i) => i.label === 'port'), 'port is written already');
});

test('what is inserted: enum choices, required children, list items', () => {
  const items = at('apiVersion: v1\nkind: Pod\nspec:\n  |\n  containers: []\n');
  const find = (label: string) => items.find((i) => i.label === label)?.insertText;
  assert.equal(find('dnsPolicy'), 'dnsPolicy: ${1|ClusterFirst,ClusterFirstWithHostNet,Default,None|}');
  assert.equal(find('hostNetwork'), 'hostNetwork: ');
  assert.equal(find('volumes'), 'volumes:\n  - name: $1');
  assert.equal(find('topologySpreadConstraints'), 'topologySpreadConstraints:\n  - maxSkew: $1\n    topologyKey: $2\n    whenUnsatisfiable: $3');
  assert.equal(find('securityContext'), 'securityContext:\n  $0');
});

test('no field names outside a known kind or in a value', () => {
  assert.deepEqual(at('apiVersion: example.com/v1\nkind: Widget\nspec:\n  |\n'), []);
  assert.deepEqual(at('apiVersion: v1\nkind: Pod\nspec:\n  hostname: ab|\n').filter((i) => i.insertText), []);
});

test('field names follow the target: a field of a later release is not offered', () => {
  const source = 'apiVersion: v1\nkind: Pod\nspec:\n  |\n  containers: []\n';
  const labels = (minor: string) => at(`# pod-lens: kubernetes-version=${minor}\n${source}`).map((i) => i.label);
  assert.ok(labels('1.34').includes('hostnameOverride'));
  assert.ok(!labels('1.33').includes('hostnameOverride'));
  assert.ok(labels('1.33').includes('hostNetwork'));
});

test('policy values mark the one Kubernetes would default to, from the image and the kind', () => {
  const marked = (source: string) => completionsAt(parseManifests(source.replace('|', '')), source.indexOf('|')).map((i) => [i.label, i.detail]);
  const pod = (image: string, line: string) => `apiVersion: v1\nkind: Pod\nspec:\n  ${line.startsWith('restartPolicy') ? `${line}\n  ` : ''}containers:\n    - name: a\n      image: ${image}\n${line.startsWith('imagePullPolicy') ? `      ${line}\n` : ''}`;
  assert.deepEqual(marked(pod('nginx:latest', 'imagePullPolicy: |')), [['Always', 'imagePullPolicy (the default here)'], ['IfNotPresent', 'imagePullPolicy'], ['Never', 'imagePullPolicy']]);
  assert.deepEqual(marked(pod('nginx:1.27', 'imagePullPolicy: |')), [['Always', 'imagePullPolicy'], ['IfNotPresent', 'imagePullPolicy (the default here)'], ['Never', 'imagePullPolicy']]);
  assert.deepEqual(marked(pod('nginx:1.27', 'restartPolicy: |')), [['Always', 'restartPolicy (the default here)'], ['OnFailure', 'restartPolicy'], ['Never', 'restartPolicy']]);
  const job = 'apiVersion: batch/v1\nkind: Job\nspec:\n  template:\n    spec:\n      restartPolicy: |\n      containers:\n        - name: a\n          image: busybox:1.36\n';
  assert.deepEqual(marked(job), [['OnFailure', 'restartPolicy'], ['Never', 'restartPolicy']]);
  const doc = completionsAt(parseManifests(pod('nginx', 'imagePullPolicy: |').replace('|', '')), pod('nginx', 'imagePullPolicy: |').indexOf('|'))[0]!.documentation;
  assert.equal(doc, "Kubernetes' default for nginx: no tag and no digest → tag \"latest\" → Always. Resolve the tag at the registry at every container start; pull when the digest changed.");
});

test('a regular init container is offered no probes or lifecycle; a sidecar (restartPolicy: Always) is', () => {
  const pod = (init: string) => `apiVersion: v1\nkind: Pod\nspec:\n  initContainers:\n    - name: first\n      image: busybox:1.36\n    - name: x\n${init}      |\n  containers:\n    - name: app\n      image: nginx:1.27\n`;
  const regular = at(pod('')).map((i) => i.label);
  for (const forbidden of ['livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle']) assert.ok(!regular.includes(forbidden), forbidden);
  assert.ok(regular.includes('restartPolicy') && regular.includes('command'), regular.join(' '));
  const sidecar = at(pod('      restartPolicy: Always\n')).map((i) => i.label);
  for (const allowed of ['livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle']) assert.ok(sidecar.includes(allowed), allowed);
  const app = at('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      |\n').map((i) => i.label);
  assert.ok(app.includes('livenessProbe'), 'app containers keep their probes');
});
