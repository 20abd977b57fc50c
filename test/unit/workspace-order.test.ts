/** Two objects of one name in different files: answers use every definition and never depend on the order files came in. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis/analyze';
import { parseManifests } from '../../server/src/analysis/model/manifest';
import type { Finding } from '../../server/src/analysis/rules/types';
import { WorkspaceIndex } from '../../server/src/workspace/index';

const CM_X = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  x: "1"\n';
const CM_K = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  k: "1"\n';
const SECRET_OPAQUE = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: pull\ntype: Opaque\n';
const SECRET_PULL = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: pull\ntype: kubernetes.io/dockerconfigjson\n';

function pod(key: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  imagePullSecrets: [{name: pull}]\n  containers:\n    - name: app\n      image: nginx:1.27\n      env:\n        - name: V\n          valueFrom: {configMapKeyRef: {name: cm, key: ${key}}}\n`;
}

function findings(files: Array<[string, string]>, key: string): Finding[] {
  const index = new WorkspaceIndex();
  for (const [uri, text] of files) index.update(uri, text);
  const options = { workspace: index, rules: { 'resources-missing': 'off' as const, 'image-not-pinned': 'off' as const } };
  return analyze(parseManifests(pod(key)), options).findings.filter((f) => f.rule === 'reference-not-found' || f.rule === 'image-pull-secret-not-found');
}

const ORDERS: Array<Array<[string, string]>> = [
  [['a.yaml', CM_X], ['b.yaml', CM_K], ['s1.yaml', SECRET_OPAQUE], ['s2.yaml', SECRET_PULL]],
  [['s2.yaml', SECRET_PULL], ['b.yaml', CM_K], ['s1.yaml', SECRET_OPAQUE], ['a.yaml', CM_X]],
];

test('a key in one of two ConfigMaps of the same name: a note that only one has it, whatever the order', () => {
  for (const files of ORDERS) {
    assert.deepEqual(
      findings(files, 'k').map((f) => f.message),
      ['ConfigMap "cm" is defined 2 times in namespace default (a.yaml, b.yaml) and only 1 of them has key "k": the cluster keeps whichever is applied last.'],
    );
  }
});

test('a key in neither: one finding listing the keys of both, whatever the order', () => {
  for (const files of ORDERS) {
    assert.deepEqual(
      findings(files, 'z').map((f) => f.message),
      ['ConfigMap "cm" is defined 2 times in namespace default (a.yaml, b.yaml) and none of them has key "z" (it has x, k).'],
    );
  }
});

test('a pull secret defined twice, once with the pull-secret type: no warning, whatever the order', () => {
  for (const files of ORDERS) assert.deepEqual(findings(files, 'x').filter((f) => f.rule === 'image-pull-secret-not-found'), []);
});

test('find lists the definitions of a name by file, whatever order the files were indexed in', () => {
  for (const files of ORDERS) {
    const index = new WorkspaceIndex();
    for (const [uri, text] of files) index.update(uri, text);
    assert.deepEqual(index.find('ConfigMap', 'cm', undefined).map((o) => o.uri), ['a.yaml', 'b.yaml']);
  }
});

test('a file defining one name 5,000 times is indexed, replaced and removed in one pass per name', () => {
  const text = Array.from({ length: 5000 }, (_, i) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  k${i}: v\n`).join('');
  const index = new WorkspaceIndex();
  index.update('many.yaml', text);
  index.update('a.yaml', CM_X);
  const found = index.find('ConfigMap', 'cm', undefined);
  assert.equal(found.length, 5001);
  assert.equal(found[0]!.uri, 'a.yaml');
  index.update('many.yaml', CM_K);
  assert.deepEqual(index.find('ConfigMap', 'cm', undefined).map((o) => o.uri), ['a.yaml', 'many.yaml']);
  index.remove('many.yaml');
  assert.deepEqual(index.find('ConfigMap', 'cm', undefined).map((o) => o.uri), ['a.yaml']);
});
