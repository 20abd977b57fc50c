/** RFC 6902 patches as kustomize applies them (evanphx/json-patch v5): results, where each op wrote, and its errors. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyJsonPatch, isJsonPatch } from '../../server/src/analysis/kustomize/json-patch';
import type { Json } from '../../server/src/analysis/kustomize/strategic-merge';

type Obj = { [key: string]: Json };
const BASE: Obj = { kind: 'Deployment', metadata: { name: 'web', labels: { 'app.kubernetes.io/name': 'web' } }, spec: { replicas: 1, template: { spec: { containers: [{ name: 'app', image: 'web:1', args: ['--a'] }] } } } };
const C = '/spec/template/spec/containers';

const APPLIED: Array<[string, Obj[], (o: Obj) => void, Array<Array<string | number>>]> = [
  ['replace sets an existing field', [{ op: 'replace', path: '/spec/replicas', value: 3 }], (o) => ((o.spec as Obj).replicas = 3), [['spec', 'replicas']]],
  ['add sets a new map key', [{ op: 'add', path: '/spec/paused', value: true }], (o) => ((o.spec as Obj).paused = true), [['spec', 'paused']]],
  ['add with `-` appends to a list, at the index it lands on', [{ op: 'add', path: `${C}/-`, value: { name: 'side', image: 'side:1' } }], (o) => containers(o).push({ name: 'side', image: 'side:1' }), [['spec', 'template', 'spec', 'containers', 1]]],
  ['add at an index inserts before it', [{ op: 'add', path: `${C}/0/args/0`, value: '--z' }], (o) => (containers(o)[0]!.args as Json[]).unshift('--z'), [['spec', 'template', 'spec', 'containers', 0, 'args', 0]]],
  ['a negative index counts from the end (json-patch SupportNegativeIndices)', [{ op: 'replace', path: `${C}/-1/image`, value: 'web:2' }], (o) => (containers(o)[0]!.image = 'web:2'), [['spec', 'template', 'spec', 'containers', 0, 'image']]],
  ['~1 in a token is a slash', [{ op: 'replace', path: '/metadata/labels/app.kubernetes.io~1name', value: 'api' }], (o) => (((o.metadata as Obj).labels as Obj)['app.kubernetes.io/name'] = 'api'), [['metadata', 'labels', 'app.kubernetes.io/name']]],
  ['remove deletes; test that holds changes nothing', [{ op: 'test', path: '/spec/replicas', value: 1 }, { op: 'remove', path: `${C}/0/args` }], (o) => delete containers(o)[0]!.args, []],
  ['copy and move', [{ op: 'copy', from: `${C}/0/image`, path: '/metadata/annotations', value: null }, { op: 'move', from: '/spec/replicas', path: '/spec/minReadySeconds' }], (o) => {
    (o.metadata as Obj).annotations = 'web:1';
    (o.spec as Obj).minReadySeconds = 1;
    delete (o.spec as Obj).replicas;
  }, [['metadata', 'annotations'], ['spec', 'minReadySeconds']]],
];

function containers(o: Obj): Obj[] {
  return ((o.spec as Obj).template as Obj & { spec: { containers: Obj[] } }).spec.containers;
}

for (const [name, ops, change, paths] of APPLIED) {
  test(`json patch: ${name}`, () => {
    const want = JSON.parse(JSON.stringify(BASE)) as Obj;
    change(want);
    const result = applyJsonPatch(BASE, ops);
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.value, want);
    assert.deepEqual(result.applied.map((a) => a.path), paths);
    assert.equal((BASE.spec as Obj).replicas, 1, 'the input is left as it was');
  });
}

const FAILING: Array<[Obj[], number, string]> = [
  [[{ op: 'replace', path: '/spec/strategy/type', value: 'Recreate' }], 0, 'replace operation does not apply: doc is missing path: /spec/strategy/type: missing value'],
  [[{ op: 'replace', path: '/spec/paused', value: true }], 0, 'replace operation does not apply: doc is missing key: /spec/paused: missing value'],
  [[{ op: 'test', path: '/spec/replicas', value: 1 }, { op: 'add', path: '/spec/strategy/type', value: 'Recreate' }], 1, 'add operation does not apply: doc is missing path: "/spec/strategy/type": missing value'],
  [[{ op: 'remove', path: '/spec/paused' }], 0, "error in remove for path: '/spec/paused': unable to remove nonexistent key: paused: missing value"],
  [[{ op: 'add', path: `${C}/5`, value: {} }], 0, `error in add for path: '${C}/5': Unable to access invalid index: 5: invalid index referenced`],
  [[{ op: 'remove', path: `${C}/1` }], 0, `error in remove for path: '${C}/1': Unable to access invalid index: 1: invalid index referenced`],
  [[{ op: 'test', path: '/spec/replicas', value: 2 }], 0, 'testing value /spec/replicas failed: test failed'],
  [[{ op: 'move', from: '/spec/missing/x', path: '/spec/y' }], 0, 'move operation does not apply: doc is missing from path: /spec/missing/x: missing value'],
  [[{ op: 'copy', from: '/spec/nothing', path: '/spec/y' }], 0, "error in copy for from: '/spec/nothing': unable to get nonexistent key: nothing: missing value"],
  [[{ op: 'remove', path: '/spec/replicas' }, { op: 'upsert', path: '/spec' }], 1, 'invalid operation {"op":"upsert","path":"/spec"}: unsupported operation'],
  [[{ op: 'add', path: '/spec/x' }], 0, `invalid operation {"op":"add","path":"/spec/x"}: failed to decode 'value': operation, missing value field: missing value`],
];

for (const [ops, index, message] of FAILING) {
  test(`json patch fails as kustomize says: ${message}`, () => {
    assert.deepEqual(applyJsonPatch(BASE, ops), { ok: false, index, message });
  });
}

test('a JSON patch document is a list of maps with an op; a strategic-merge patch or a list of names is not', () => {
  assert.equal(isJsonPatch([{ op: 'add', path: '/a', value: 1 }]), true);
  assert.equal(isJsonPatch({ op: 'add' }), false);
  assert.equal(isJsonPatch(['a', 'b']), false);
  assert.equal(isJsonPatch([]), false);
});

test('a hostile patch that copies a value onto itself until it is huge stops early, reported as too large (not as kustomize\'s error)', () => {
  const ops: Obj[] = [{ op: 'add', path: '/a', value: ['x'.repeat(1000)] }];
  for (let i = 0; i < 40; i++) ops.push({ op: 'copy', from: '/a', path: '/a/-' });
  const result = applyJsonPatch({}, ops);
  // Unbounded, the 40 copies would write 2^40 items.
  assert.deepEqual(result, { ok: false, index: 11, message: '', tooLarge: true });
});
