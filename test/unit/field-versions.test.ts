/** Fields of other releases: newer and removed fields are unknown in the target, decided conservatively next to the releases the catalog could not observe (1.31, 1.35). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis/analyze';
import { parseManifests } from '../../server/src/analysis/model/manifest';
import { absenceAt } from '../../server/src/analysis/schema/field-versions';
import { CATALOG_MINORS } from '../../server/src/analysis/schema/catalog';

test('the catalog observed every supported minor but 1.31 and 1.35', () => {
  assert.deepEqual(CATALOG_MINORS.unobserved, ['1.31', '1.35']);
});

// [minor, first minor, last minor, absence]
const CASES: Array<[string, string | undefined, string | undefined, ReturnType<typeof absenceAt>]> = [
  ['1.33', '1.34', undefined, { availableFrom: '1.34' }],
  ['1.34', '1.34', undefined, undefined],
  ['1.29', '1.30', undefined, { availableFrom: '1.30' }],
  // First seen in 1.32, after the unobserved 1.31: 1.31 may have it, 1.30 certainly has not.
  ['1.31', '1.32', undefined, undefined],
  ['1.30', '1.32', undefined, { availableFrom: '1.32' }],
  // First seen in 1.36, after the unobserved 1.35.
  ['1.35', '1.36', undefined, undefined],
  ['1.34', '1.36', undefined, { availableFrom: '1.36' }],
  // Last seen in 1.30, before the unobserved 1.31: 1.31 may still have it, 1.32 has not.
  ['1.31', undefined, '1.30', undefined],
  ['1.32', undefined, '1.30', { removedAfter: '1.30' }],
  ['1.36', undefined, '1.33', { removedAfter: '1.33' }],
  ['1.33', undefined, '1.33', undefined],
];

for (const [minor, since, until, want] of CASES) {
  test(`a field of ${since ?? '…'}–${until ?? '…'} in ${minor}: ${JSON.stringify(want)}`, () => assert.deepEqual(absenceAt(minor, since, until), want));
}

const CLAIM_SOURCE = (minor: string) => `# pod-lens: kubernetes-version=${minor}
apiVersion: v1
kind: Pod
metadata:
  name: claims
spec:
  resourceClaims:
    - name: gpu
      source: {resourceClaimName: gpu-claim}
  containers:
    - name: app
      image: nginx:1.27
`;

test('a field the API removed (PodResourceClaim.source, last in 1.30) is unknown after, with the release that last had it', () => {
  const unknown = (minor: string) => analyze(parseManifests(CLAIM_SOURCE(minor))).findings.filter((f) => f.rule === 'field-unknown').map((f) => f.message);
  assert.deepEqual(unknown('1.32'), [
    'strict decoding error: unknown field "spec.resourceClaims[0].source". The API server rejects the object (fieldValidation=Strict, kubectl\'s default). source was removed after Kubernetes 1.30 (the target is Kubernetes 1.32).',
  ]);
  assert.deepEqual(unknown('1.31'), []);
  assert.deepEqual(unknown('1.30'), []);
});
