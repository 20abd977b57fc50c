/**
 * podLens.defaultNamespace / --namespace in the workspace index: an object without metadata.namespace is where
 * `kubectl apply -n <ns>` would put it, so it matches lookups in that namespace (and no longer in `default`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis/analyze';
import { hoverAt } from '../../server/src/analysis/hover/index';
import { parseManifests } from '../../server/src/analysis/model/manifest';
import { WorkspaceIndex } from '../../server/src/workspace/index';

const SA_PROD = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: builder\n  namespace: prod\nimagePullSecrets: [{name: pull}]\n';
const SA_UNSET = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: builder\n';
const SA_DEFAULT = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: builder\n  namespace: default\n';
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  serviceAccountName: builder\n  containers:\n    - name: app\n      image: nginx:1.27\n';

function indexOf(files: Array<[string, string]>, defaultNamespace?: string): WorkspaceIndex {
  const index = new WorkspaceIndex(defaultNamespace);
  for (const [uri, text] of files) index.update(uri, text);
  return index;
}

const where = (index: WorkspaceIndex, namespace: string | undefined) => index.find('ServiceAccount', 'builder', namespace).map((o) => o.uri);

test('without a default namespace an unset namespace is default: written and unset objects there match, prod only when asked', () => {
  const index = indexOf([['prod.yaml', SA_PROD], ['unset.yaml', SA_UNSET], ['default.yaml', SA_DEFAULT]]);
  assert.equal(index.defaultNamespace, 'default');
  assert.deepEqual(where(index, undefined), ['default.yaml', 'unset.yaml']);
  assert.deepEqual(where(index, 'default'), ['default.yaml', 'unset.yaml']);
  assert.deepEqual(where(index, 'prod'), ['prod.yaml']);
});

test('with default namespace prod an unset namespace is prod, for the objects and for the lookups', () => {
  const index = indexOf([['prod.yaml', SA_PROD], ['unset.yaml', SA_UNSET], ['default.yaml', SA_DEFAULT]], 'prod');
  assert.equal(index.defaultNamespace, 'prod');
  assert.deepEqual(where(index, undefined), ['prod.yaml', 'unset.yaml']);
  assert.deepEqual(where(index, 'prod'), ['prod.yaml', 'unset.yaml']);
  // An object written in `default` stays there: only unset namespaces follow the setting.
  assert.deepEqual(where(index, 'default'), ['default.yaml']);
});

test('changing the default namespace changes the answers and the generation; the same value changes neither', () => {
  const index = indexOf([['prod.yaml', SA_PROD]]);
  assert.deepEqual(where(index, undefined), []);
  const before = index.generation;
  assert.equal(index.setDefaultNamespace('prod'), true);
  assert.ok(index.generation > before);
  assert.deepEqual(where(index, undefined), ['prod.yaml']);
  const after = index.generation;
  assert.equal(index.setDefaultNamespace('prod'), false);
  assert.equal(index.generation, after);
  // '' is Kubernetes' own default again.
  assert.equal(index.setDefaultNamespace(''), true);
  assert.equal(index.defaultNamespace, 'default');
  assert.deepEqual(where(index, undefined), []);
});

test('reference-not-found names the namespace in force, and is gone when the default namespace is the ServiceAccount\'s', () => {
  const messages = (defaultNamespace?: string) =>
    analyze(parseManifests(POD), { workspace: indexOf([['sa.yaml', SA_PROD]], defaultNamespace) })
      .findings.filter((f) => f.rule === 'reference-not-found')
      .map((f) => f.message);
  assert.deepEqual(messages(), ['ServiceAccount "builder" is not defined in namespace default in this workspace.']);
  assert.deepEqual(messages('prod'), []);
  assert.deepEqual(messages('staging'), ['ServiceAccount "builder" is not defined in namespace staging in this workspace.']);
});

test('a kustomization elsewhere in the workspace: unset namespaces of files it does not build still follow the default', () => {
  const index = indexOf([['prod.yaml', SA_PROD], ['unset.yaml', SA_UNSET], ['other/kustomization.yaml', 'resources: [deploy.yaml]\nnamespace: staging\n']], 'prod');
  assert.equal(index.kustomizeFacts('other/deploy.yaml')?.namespace, 'staging');
  assert.deepEqual(where(index, undefined), ['prod.yaml', 'unset.yaml']);
  assert.deepEqual(where(index, 'default'), []);
});

test('a folder\'s own default namespace: its files\' unset namespaces and lookups use it, other folders keep the workspace\'s', () => {
  const index = indexOf([['file:///a/sa.yaml', SA_UNSET], ['file:///ab/sa.yaml', SA_UNSET], ['file:///a/inner/sa.yaml', SA_UNSET]]);
  assert.equal(index.setDefaultNamespace('', [{ folder: 'file:///a', namespace: 'prod' }, { folder: 'file:///a/inner/', namespace: 'dev' }]), true);
  assert.equal(index.setDefaultNamespace('', [{ folder: 'file:///a', namespace: 'prod' }, { folder: 'file:///a/inner/', namespace: 'dev' }]), false);
  // file:///ab is not inside file:///a; the innermost folder wins.
  assert.deepEqual(where(index, undefined), ['file:///ab/sa.yaml']);
  assert.deepEqual(where(index, 'prod'), ['file:///a/sa.yaml']);
  assert.deepEqual(where(index, 'dev'), ['file:///a/inner/sa.yaml']);
  const fromA = index.viewFor('file:///a/pod.yaml');
  assert.equal(fromA.defaultNamespace, 'prod');
  assert.deepEqual(fromA.find('ServiceAccount', 'builder', undefined).map((o) => o.uri), ['file:///a/sa.yaml']);
  assert.equal(index.viewFor('file:///b/pod.yaml').defaultNamespace, 'default');
});

test('cluster-scoped objects are in no namespace: a RuntimeClass is found from every folder, whatever is written', () => {
  const rc = (ns: string) => `apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata:\n  name: gvisor\n${ns}handler: runsc\n`;
  const index = indexOf([['file:///a/rc.yaml', rc('')], ['file:///b/rc.yaml', rc('  namespace: kube-system\n')]]);
  index.setDefaultNamespace('', [{ folder: 'file:///a', namespace: 'prod' }]);
  for (const from of ['file:///a/pod.yaml', 'file:///c/pod.yaml']) {
    assert.deepEqual(index.viewFor(from).find('RuntimeClass', 'gvisor', undefined).map((o) => o.uri), ['file:///a/rc.yaml', 'file:///b/rc.yaml'], from);
  }
});

test('the pull-secret hover names the namespace an unset one means', () => {
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  imagePullSecrets: [{name: regcred}]\n  containers:\n    - name: app\n      image: nginx:1.27\n';
  // The first line is the workspace's answer, whole; the field's own description follows it.
  const hover = (defaultNamespace?: string) => hoverAt(parseManifests(pod), pod.indexOf('regcred') + 1, { workspace: indexOf([], defaultNamespace) })?.markdown.split('\n')[0];
  assert.equal(hover(), '**Secret regcred** is not in this workspace (namespace default).');
  assert.equal(hover('prod'), '**Secret regcred** is not in this workspace (namespace prod).');
});
