/** The status bar item's words for the target in force. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeTargetForStatus, STATUS_TOOLTIP } from '../../client/src/target-label';

test('the status bar names the release, where it comes from and the gates set', () => {
  assert.deepEqual(describeTargetForStatus({ version: '1.36', featureGates: {}, source: 'settings' }), {
    text: '$(symbol-namespace) Pod Lens · K8s 1.36',
    tooltip: `${STATUS_TOOLTIP}\nChecked against Kubernetes 1.36, from podLens.kubernetesVersion.`,
  });
  assert.deepEqual(describeTargetForStatus({ version: '1.31', featureGates: { ImageVolume: true, SidecarContainers: false }, source: 'file' }), {
    text: '$(symbol-namespace) Pod Lens · K8s 1.31',
    tooltip: `${STATUS_TOOLTIP}\nChecked against Kubernetes 1.31, pinned by the file (# pod-lens: kubernetes-version=…); feature gates ImageVolume=true, SidecarContainers=false.`,
  });
});
