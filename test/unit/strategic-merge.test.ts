/** Strategic-merge patches as kustomize applies them: a table of merge keys, directives and lists replaced whole. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strategicMerge, type Json } from '../../server/src/analysis/kustomize/strategic-merge';

type Obj = { [key: string]: Json };
const deployment = (podSpec: Obj, extra: Obj = {}): Obj => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { template: { spec: podSpec } }, ...extra });

const BASE = deployment({
  containers: [
    { name: 'app', image: 'web:1', args: ['--a', '--b'], env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }], ports: [{ containerPort: 80 }, { containerPort: 9090, name: 'metrics' }], resources: { requests: { cpu: '100m', memory: '1Gi' } } },
    { name: 'proxy', image: 'envoy:1' },
  ],
  volumes: [{ name: 'data', emptyDir: {} }],
  tolerations: [{ key: 'a', operator: 'Exists' }],
});

const CASES: Array<[string, Obj, Obj | undefined]> = [
  [
    'containers merge by name: fields the patch sets change, the others stay',
    deployment({ containers: [{ name: 'app', resources: { limits: { memory: '2Gi' } } }] }),
    deployment({
      containers: [
        { name: 'app', image: 'web:1', args: ['--a', '--b'], env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }], ports: [{ containerPort: 80 }, { containerPort: 9090, name: 'metrics' }], resources: { requests: { cpu: '100m', memory: '1Gi' }, limits: { memory: '2Gi' } } },
        { name: 'proxy', image: 'envoy:1' },
      ],
      volumes: [{ name: 'data', emptyDir: {} }],
      tolerations: [{ key: 'a', operator: 'Exists' }],
    }),
  ],
  [
    'a new container comes first (kustomize prepends), then the base\'s others; a list without merge key (args, tolerations) is replaced whole',
    deployment({ containers: [{ name: 'sidecar', image: 'log:1' }, { name: 'app', args: ['--c'] }], tolerations: [{ key: 'b', operator: 'Exists' }] }),
    deployment({
      containers: [
        { name: 'sidecar', image: 'log:1' },
        { name: 'app', image: 'web:1', args: ['--c'], env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }], ports: [{ containerPort: 80 }, { containerPort: 9090, name: 'metrics' }], resources: { requests: { cpu: '100m', memory: '1Gi' } } },
        { name: 'proxy', image: 'envoy:1' },
      ],
      volumes: [{ name: 'data', emptyDir: {} }],
      tolerations: [{ key: 'b', operator: 'Exists' }],
    }),
  ],
  [
    'env by name, ports by containerPort; `$patch: delete` removes an item; null deletes a field',
    deployment({ containers: [{ name: 'app', env: [{ name: 'B', value: '3' }, { name: 'A', $patch: 'delete' }], ports: [{ containerPort: 9090, name: 'prom' }], resources: { requests: { cpu: null } } }], volumes: null }),
    deployment({
      containers: [
        { name: 'app', image: 'web:1', args: ['--a', '--b'], env: [{ name: 'B', value: '3' }], ports: [{ containerPort: 9090, name: 'prom' }, { containerPort: 80 }], resources: { requests: { memory: '1Gi' } } },
        { name: 'proxy', image: 'envoy:1' },
      ],
      tolerations: [{ key: 'a', operator: 'Exists' }],
    }),
  ],
  [
    '`$patch: replace` on a map replaces it; as a list item it makes the patch\'s items the list',
    deployment({ containers: [{ name: 'app', resources: { $patch: 'replace', limits: { cpu: '1' } } }], volumes: [{ $patch: 'replace' }, { name: 'cache', emptyDir: { medium: 'Memory' } }] }),
    deployment({
      containers: [
        { name: 'app', image: 'web:1', args: ['--a', '--b'], env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }], ports: [{ containerPort: 80 }, { containerPort: 9090, name: 'metrics' }], resources: { limits: { cpu: '1' } } },
        { name: 'proxy', image: 'envoy:1' },
      ],
      volumes: [{ name: 'cache', emptyDir: { medium: 'Memory' } }],
      tolerations: [{ key: 'a', operator: 'Exists' }],
    }),
  ],
  [
    'a container deleted by name; a volume whose source changes keeps only `$retainKeys`',
    deployment({ containers: [{ name: 'proxy', $patch: 'delete' }], volumes: [{ name: 'data', $retainKeys: ['name', 'configMap'], configMap: { name: 'cfg' } }] }),
    deployment({
      containers: [{ name: 'app', image: 'web:1', args: ['--a', '--b'], env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }], ports: [{ containerPort: 80 }, { containerPort: 9090, name: 'metrics' }], resources: { requests: { cpu: '100m', memory: '1Gi' } } }],
      volumes: [{ name: 'data', configMap: { name: 'cfg' } }],
      tolerations: [{ key: 'a', operator: 'Exists' }],
    }),
  ],
  ['`$patch: delete` at the top deletes the object', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, $patch: 'delete' }, undefined],
];

test('strategic-merge cases', () => {
  for (const [name, patch, want] of CASES) assert.deepEqual(strategicMerge(BASE, patch), want, name);
});

test('finalizers merge as a set (the patch\'s first); metadata labels merge as a map; the base is never changed', () => {
  const base: Obj = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { app: 'web' }, finalizers: ['a', 'b'] }, spec: { containers: [{ name: 'c', image: 'x' }] } };
  const copy = JSON.parse(JSON.stringify(base)) as Obj;
  assert.deepEqual(strategicMerge(base, { metadata: { labels: { tier: 'front' }, finalizers: ['c', 'a'], '$deleteFromPrimitiveList/finalizers': ['b'] } }), {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', labels: { app: 'web', tier: 'front' }, finalizers: ['c', 'a'] },
    spec: { containers: [{ name: 'c', image: 'x' }] },
  });
  assert.deepEqual(base, copy);
});

test('a patch nested far deeper than any object ends', () => {
  let deep: Json = { x: 1 };
  for (let i = 0; i < 10_000; i++) deep = { nested: deep };
  const out = strategicMerge({ apiVersion: 'v1', kind: 'ConfigMap', data: {} }, { data: deep } as Obj);
  assert.ok(out);
});

test('ports merge by containerPort and protocol, the list-map keys kyaml reads (a port without protocol matches by number)', () => {
  const dns = deployment({ containers: [{ name: 'dns', image: 'dns:1', ports: [{ containerPort: 53, protocol: 'UDP', name: 'dns' }, { containerPort: 53, protocol: 'TCP', name: 'dns-tcp' }, { containerPort: 9153 }] }] });
  const patch = deployment({ containers: [{ name: 'dns', ports: [{ containerPort: 53, protocol: 'TCP', hostPort: 5353 }, { containerPort: 9153, name: 'metrics' }] }] });
  assert.deepEqual(
    strategicMerge(dns, patch),
    deployment({
      containers: [
        {
          name: 'dns',
          image: 'dns:1',
          ports: [{ containerPort: 53, protocol: 'TCP', name: 'dns-tcp', hostPort: 5353 }, { containerPort: 9153, name: 'metrics' }, { containerPort: 53, protocol: 'UDP', name: 'dns' }],
        },
      ],
    }),
  );
});

test('topologySpreadConstraints merge by topologyKey and whenUnsatisfiable', () => {
  const base = deployment({ containers: [], topologySpreadConstraints: [{ topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', maxSkew: 1 }] });
  const patch = deployment({ topologySpreadConstraints: [{ topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 2 }] });
  assert.deepEqual((strategicMerge(base, patch)!.spec as { template: { spec: Obj } }).template.spec.topologySpreadConstraints, [
    { topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 2 },
    { topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', maxSkew: 1 },
  ]);
});
