/** Effective requests and limits: cases derived from component-helpers resource/helpers.go (TestPodResourceRequests/Limits). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effectiveResources, type ContainerResourcesInput, type PodResourcesInput } from '../../server/src/analysis/k8s/effective-resources';
import { formatQuantity } from '../../server/src/analysis/k8s/quantity';

const app = (name: string, requests: Record<string, unknown>, limits: Record<string, unknown> = {}): ContainerResourcesInput => ({ name, kind: 'app', requests, limits });
const init = (name: string, requests: Record<string, unknown>, limits: Record<string, unknown> = {}): ContainerResourcesInput => ({ name, kind: 'init', requests, limits });
const side = (name: string, requests: Record<string, unknown>, limits: Record<string, unknown> = {}): ContainerResourcesInput => ({ name, kind: 'sidecar', requests, limits });

function requests(input: PodResourcesInput, opts = { applyPodDefaults: false }): Record<string, string> {
  return Object.fromEntries(Object.entries(effectiveResources(input, opts).requests).map(([k, v]) => [k, v.canonical]));
}
function limits(input: PodResourcesInput): Record<string, string> {
  return Object.fromEntries(Object.entries(effectiveResources(input, { applyPodDefaults: false }).limits).map(([k, v]) => [k, v.canonical]));
}

const REQUEST_CASES: Array<[string, PodResourcesInput, Record<string, string>]> = [
  ['app containers add up', { containers: [app('a', { cpu: '1' }), app('b', { cpu: '2' })], initContainers: [] }, { cpu: '3' }],
  ['a larger init container decides', { containers: [app('a', { cpu: '1' })], initContainers: [init('i', { cpu: '2' })] }, { cpu: '2' }],
  ['a smaller init container does not', { containers: [app('a', { cpu: '2' })], initContainers: [init('i', { cpu: '1' })] }, { cpu: '2' }],
  ['init containers do not add up: the largest decides', { containers: [app('a', { cpu: '1' })], initContainers: [init('i1', { cpu: '2' }), init('i2', { cpu: '3' })] }, { cpu: '3' }],
  // component-helpers "multiple restartable and regular init containers"
  ['sidecars and init containers interleaved (5,1,2,5,3; app 1) → 8', { containers: [app('a', { cpu: '1' })], initContainers: [init('init-1', { cpu: '5' }), side('s1', { cpu: '1' }), side('s2', { cpu: '2' }), init('init-2', { cpu: '5' }), side('s3', { cpu: '3' })] }, { cpu: '8' }],
  // component-helpers "restartable-init, init and regular"
  ['a sidecar before an init container counts with it → 210', { containers: [app('a', { cpu: '100' })], initContainers: [side('s', { cpu: '10' }), init('i', { cpu: '200' })] }, { cpu: '210' }],
  ['a sidecar after an init container does not count with it', { containers: [app('a', { cpu: '100' })], initContainers: [init('i', { cpu: '200' }), side('s', { cpu: '10' })] }, { cpu: '200' }],
  ['sidecars add to the app phase', { containers: [app('a', { cpu: '1' })], initContainers: [side('s', { cpu: '500m' })] }, { cpu: '1500m' }],
  ['memory and cpu are independent', { containers: [app('a', { cpu: '1', memory: '1Gi' })], initContainers: [init('i', { cpu: '2', memory: '512Mi' })] }, { cpu: '2', memory: '1Gi' }],
  ['extended resources are handled generically', { containers: [app('a', { 'nvidia.com/gpu': '1' })], initContainers: [init('i', { 'nvidia.com/gpu': '2' })] }, { 'nvidia.com/gpu': '2' }],
  ['hugepages are summed like any resource', { containers: [app('a', { 'hugepages-2Mi': '100Mi' }), app('b', { 'hugepages-2Mi': '100Mi' })], initContainers: [] }, { 'hugepages-2Mi': '200Mi' }],
  ['overhead is added to every request', { containers: [app('a', { cpu: '1' })], initContainers: [], overhead: { cpu: '250m', memory: '120Mi' } }, { cpu: '1250m', memory: '120Mi' }],
  ['pod-level requests replace cpu and memory, others stay', { containers: [app('a', { cpu: '1', memory: '1Gi', 'example.com/foo': '2' })], initContainers: [], podLevel: { requests: { cpu: '3', memory: '2Gi' } } }, { cpu: '3', memory: '2Gi', 'example.com/foo': '2' }],
  ['pod-level plus overhead', { containers: [app('a', { cpu: '1' })], initContainers: [], podLevel: { requests: { cpu: '2' } }, overhead: { cpu: '100m' } }, { cpu: '2100m' }],
  ['YAML numbers are quantities', { containers: [app('a', { cpu: 1, memory: 1073741824 })], initContainers: [] }, { cpu: '1', memory: '1073741824' }],
  ['no requests at all', { containers: [app('a', {})], initContainers: [] }, {}],
];

for (const [name, input, want] of REQUEST_CASES) test(`requests: ${name}`, () => assert.deepEqual(requests(input), want));

test('PodRequests on the created Pod: a limit without a request defaults the request', () => {
  assert.deepEqual(requests({ containers: [app('a', {}, { cpu: '1', memory: '1Gi' })], initContainers: [] }, { applyPodDefaults: true }), { cpu: '1', memory: '1Gi' });
});

const LIMIT_CASES: Array<[string, PodResourcesInput, Record<string, string>]> = [
  ['limits add up', { containers: [app('a', {}, { cpu: '1' }), app('b', {}, { cpu: '2' })], initContainers: [] }, { cpu: '3' }],
  ['a missing limit contributes 0, not unlimited', { containers: [app('a', {}, { cpu: '1' }), app('b', {})], initContainers: [] }, { cpu: '1' }],
  ['init container limits with sidecars before them', { containers: [app('a', {}, { cpu: '100' })], initContainers: [side('s', {}, { cpu: '10' }), init('i', {}, { cpu: '200' })] }, { cpu: '210' }],
  ['overhead only where a limit exists and is non-zero', { containers: [app('a', {}, { cpu: '1' })], initContainers: [], overhead: { cpu: '250m', memory: '120Mi' } }, { cpu: '1250m' }],
  ['pod-level limits replace', { containers: [app('a', {}, { memory: '1Gi' })], initContainers: [], podLevel: { limits: { memory: '4Gi' } } }, { memory: '4Gi' }],
];

for (const [name, input, want] of LIMIT_CASES) test(`limits: ${name}`, () => assert.deepEqual(limits(input), want));

test('which phase decides, in words', () => {
  const r = effectiveResources({ containers: [app('myapp', { cpu: '100m' })], initContainers: [side('logshipper', { cpu: '50m' }), init('init-myservice', { cpu: '500m' })] });
  assert.equal(r.requests.cpu!.canonical, '550m');
  assert.match(r.requests.cpu!.decidedBy.description, /while init container init-myservice runs \(with sidecars logshipper\)/);
  assert.equal(formatQuantity(r.requests.cpu!.appPhase), '150m');
  assert.deepEqual(r.phases.map((p) => [p.name, p.requests.cpu]), [['logshipper', '50m'], ['init-myservice', '550m'], ['app containers', '150m']]);
});

test('missing limits are named; invalid quantities are reported, not counted', () => {
  const r = effectiveResources({ containers: [app('a', { cpu: 'lots' }, { memory: '1Gi' }), app('b', {})], initContainers: [] });
  assert.deepEqual(r.limits.memory!.missingIn, ['b']);
  assert.deepEqual(r.invalid.map((i) => [i.container, i.resource]), [['a', 'cpu']]);
  assert.equal(r.requests.cpu, undefined);
});
