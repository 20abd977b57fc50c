/** "Choose Kubernetes Version": the pick's items and words, and the argument check, from the server's answer. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkVersionArgument, versionItems, versionPlaceholder } from '../../client/src/version-choice';

const SUPPORTED = ['1.33', '1.34', '1.35', '1.36'];

test('the pick lists the server\'s releases newest first and marks the one in force', () => {
  const target = { version: '1.34', featureGates: {}, source: 'settings' as const, supported: SUPPORTED };
  assert.deepEqual(versionItems(target), [{ label: '1.36' }, { label: '1.35' }, { label: '1.34', description: 'in force' }, { label: '1.33' }]);
  assert.equal(versionPlaceholder(target), 'The Kubernetes release to check manifests against (podLens.kubernetesVersion)');
  assert.deepEqual(target.supported, SUPPORTED, 'the answer is not reordered in place');
});

test('a file that pins its own release: the mark and the placeholder say the pin stays in force for it', () => {
  const target = { version: '1.33', featureGates: {}, source: 'file' as const, supported: SUPPORTED };
  assert.deepEqual(versionItems(target), [{ label: '1.36' }, { label: '1.35' }, { label: '1.34' }, { label: '1.33', description: 'in force for this file (its own pin)' }]);
  assert.equal(versionPlaceholder(target), 'The release for podLens.kubernetesVersion; this file pins 1.33 with its own comment, which stays in force for it');
});

test('the argument must be a listed release, written as listed', () => {
  assert.deepEqual(checkVersionArgument('1.33', SUPPORTED), { minor: '1.33' });
  const unchanged = 'choose one of 1.33, 1.34, 1.35, 1.36. podLens.kubernetesVersion is unchanged.';
  assert.deepEqual(checkVersionArgument('1.12', SUPPORTED), { error: `Pod Lens cannot check against Kubernetes "1.12": ${unchanged}` });
  assert.deepEqual(checkVersionArgument('v1.33', SUPPORTED), { error: `Pod Lens cannot check against Kubernetes "v1.33": ${unchanged}` });
  assert.deepEqual(checkVersionArgument(1.3, SUPPORTED), { error: `Pod Lens cannot check against Kubernetes 1.3 (a number; write the release as a string): ${unchanged}` });
});
