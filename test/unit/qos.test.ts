/** QoS class: cases from qos.go's semantics (cpu and memory only; init containers and sidecars count; pod-level decides alone). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ContainerResourcesInput, PodResourcesInput } from '../../server/src/analysis/k8s/effective-resources';
import { qosClass } from '../../server/src/analysis/k8s/qos';

const c = (kind: ContainerResourcesInput['kind'], requests: Record<string, unknown>, limits: Record<string, unknown> = {}, name: string = kind): ContainerResourcesInput => ({ name, kind, requests, limits });
const G = { cpu: '1', memory: '1Gi' };

const CASES: Array<[string, PodResourcesInput, string]> = [
  ['nothing set', { containers: [c('app', {})], initContainers: [] }, 'BestEffort'],
  ['only extended resources', { containers: [c('app', { 'nvidia.com/gpu': '1' }, { 'nvidia.com/gpu': '1' })], initContainers: [] }, 'BestEffort'],
  ['only ephemeral-storage', { containers: [c('app', { 'ephemeral-storage': '1Gi' })], initContainers: [] }, 'BestEffort'],
  ['zero requests', { containers: [c('app', { cpu: '0', memory: '0' })], initContainers: [] }, 'BestEffort'],
  ['requests equal limits', { containers: [c('app', G, G)], initContainers: [] }, 'Guaranteed'],
  ['limits only (requests default to limits)', { containers: [c('app', {}, G)], initContainers: [] }, 'Guaranteed'],
  ['limits only, with hugepages too', { containers: [c('app', {}, { ...G, 'hugepages-2Mi': '2Mi' })], initContainers: [] }, 'Guaranteed'],
  ['request below limit', { containers: [c('app', { cpu: '500m', memory: '1Gi' }, G)], initContainers: [] }, 'Burstable'],
  ['cpu only', { containers: [c('app', { cpu: '1' }, { cpu: '1' })], initContainers: [] }, 'Burstable'],
  ['memory limit only', { containers: [c('app', {}, { memory: '1Gi' })], initContainers: [] }, 'Burstable'],
  ['requests only', { containers: [c('app', G)], initContainers: [] }, 'Burstable'],
  ['one guaranteed, one best effort', { containers: [c('app', G, G, 'a'), c('app', {}, {}, 'b')], initContainers: [] }, 'Burstable'],
  ['two guaranteed', { containers: [c('app', G, G, 'a'), c('app', G, G, 'b')], initContainers: [] }, 'Guaranteed'],
  ['init container best effort breaks Guaranteed', { containers: [c('app', G, G)], initContainers: [c('init', {})] }, 'Burstable'],
  ['init container guaranteed too', { containers: [c('app', G, G)], initContainers: [c('init', G, G)] }, 'Guaranteed'],
  ['a sidecar counts like any container', { containers: [c('app', G, G)], initContainers: [c('sidecar', { cpu: '100m' })] }, 'Burstable'],
  ['only an init container sets something', { containers: [c('app', {})], initContainers: [c('init', { cpu: '1' })] }, 'Burstable'],
  ['equal values written differently', { containers: [c('app', { cpu: '1000m', memory: '1024Mi' }, { cpu: '1', memory: '1Gi' })], initContainers: [] }, 'Guaranteed'],
  ['pod-level guaranteed decides alone', { containers: [c('app', {})], initContainers: [], podLevel: { requests: G, limits: G } }, 'Guaranteed'],
  ['pod-level burstable decides alone', { containers: [c('app', G, G)], initContainers: [], podLevel: { requests: { cpu: '1' } } }, 'Burstable'],
  ['pod-level set but empty', { containers: [c('app', G, G)], initContainers: [], podLevel: {} }, 'BestEffort'],
];

for (const [name, input, want] of CASES) test(`qos: ${name} → ${want}`, () => assert.equal(qosClass(input).qos, want));

test('the reason names the container that makes it Burstable', () => {
  const r = qosClass({ containers: [c('app', G, G, 'web')], initContainers: [c('init', {}, {}, 'init-db')] });
  assert.match(r.reason, /init-db has no cpu limit/);
});
