/** `replicas:` and `replacements:` as kustomize applies them (api/filters/replicacount, api/filters/replacement). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyReplacements, applyReplicas, splitPath, type Replacement } from '../../server/src/analysis/kustomize/replacements';
import type { Json } from '../../server/src/analysis/kustomize/strategic-merge';

type Obj = { [key: string]: Json };
const objects = (): Obj[] => [
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { image: 'web:2', host: 'db.prod.svc', list: 'a,b,c' } },
  { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { template: { spec: { containers: [{ name: 'app', image: 'web:1', env: [{ name: 'HOSTS', value: 'x,y' }] }, { name: 'side', image: 'side:1' }] } } } },
  { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate' }, spec: { template: { spec: { containers: [{ name: 'app', image: 'web:1' }] } } } },
];
const deployment = (o: Obj[]) => (o[1]!.spec as { template: { spec: { containers: Obj[] } } }).template.spec.containers;
const job = (o: Obj[]) => (o[2]!.spec as { template: { spec: { containers: Obj[] } } }).template.spec.containers;
const source = { kind: 'ConfigMap', name: 'settings' };

const CASES: Array<[string, Replacement, (o: Obj[]) => Json, Json]> = [
  [
    'a source field to every selected object, list items by [name=…]',
    { source: { ...source, fieldPath: 'data.image' }, targets: [{ select: { group: 'apps' }, reject: [], fieldPaths: ['spec.template.spec.containers.[name=app].image'] }] },
    (o) => [deployment(o)[0]!.image!, job(o)[0]!.image!],
    ['web:2', 'web:1'],
  ],
  [
    'reject leaves an object out; a numeric step is a list position',
    { source: { ...source, fieldPath: 'data.image' }, targets: [{ select: {}, reject: [{ kind: 'Deployment' }], fieldPaths: ['spec.template.spec.containers.0.image'] }] },
    (o) => [deployment(o)[0]!.image!, job(o)[0]!.image!],
    ['web:1', 'web:2'],
  ],
  [
    'options.delimiter and index replace one part of the target; a negative index prepends, one past the end appends',
    {
      source: { ...source, fieldPath: 'data.host' },
      targets: [
        { select: { kind: 'Deployment' }, reject: [], fieldPaths: ['spec.template.spec.containers.[name=app].env.[name=HOSTS].value'], options: { delimiter: ',', index: 1 } },
        { select: { kind: 'Deployment' }, reject: [], fieldPaths: ['spec.template.spec.containers.[name=app].env.[name=HOSTS].value'], options: { delimiter: ',', index: -1 } },
        { select: { kind: 'Deployment' }, reject: [], fieldPaths: ['spec.template.spec.containers.[name=app].env.[name=HOSTS].value'], options: { delimiter: ',', index: 9 } },
      ],
    },
    (o) => (deployment(o)[0]!.env as Obj[])[0]!.value!,
    'db.prod.svc,x,db.prod.svc,db.prod.svc',
  ],
  [
    "the source's delimiter and index pick one part of it",
    { source: { ...source, fieldPath: 'data.list', options: { delimiter: ',', index: 2 } }, targets: [{ select: { kind: 'Job' }, reject: [], fieldPaths: ['spec.template.spec.containers.[name=app].image'] }] },
    (o) => job(o)[0]!.image!,
    'c',
  ],
  [
    'a missing target field is left alone, or made with create (list items by their key)',
    {
      source: { ...source, fieldPath: 'data.image' },
      targets: [
        { select: { kind: 'Job' }, reject: [], fieldPaths: ['spec.template.spec.containers.[name=app].workingDir'] },
        { select: { kind: 'Job' }, reject: [], fieldPaths: ['spec.template.spec.initContainers.[name=init].image'], options: { create: true } },
      ],
    },
    (o) => [job(o)[0]!.workingDir ?? null, (o[2]!.spec as { template: { spec: Obj } }).template.spec.initContainers!],
    [null, [{ name: 'init', image: 'web:2' }]],
  ],
  [
    'no source (kustomize fails: "found no matches for source") changes nothing',
    { source: { kind: 'ConfigMap', name: 'missing', fieldPath: 'data.image' }, targets: [{ select: {}, reject: [], fieldPaths: ['spec.template.spec.containers.[name=app].image'] }] },
    (o) => deployment(o)[0]!.image!,
    'web:1',
  ],
];

for (const [name, replacement, read, want] of CASES) {
  test(`replacements: ${name}`, () => {
    const o = objects();
    applyReplacements(o, [replacement]);
    assert.deepEqual(read(o), want);
  });
}

test('a field path splits at dots outside [key=value] selectors', () => {
  assert.deepEqual(splitPath('spec.containers.[name=a.b].image'), ['spec', 'containers', '[name=a.b]', 'image']);
});

test('replicas: spec.replicas of the replicated kinds with that name, created when missing; other kinds keep theirs', () => {
  const o = objects();
  applyReplicas(o, [{ name: 'web', count: 3 }, { name: 'migrate', count: 2 }]);
  assert.equal((o[1]!.spec as Obj).replicas, 3);
  assert.equal((o[2]!.spec as Obj).replicas, undefined);
});
