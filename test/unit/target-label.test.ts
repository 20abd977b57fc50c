/** The status bar item's words for the target in force. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHOOSE_VERSION_COMMAND } from '../../protocol/commands';
import { CHOOSE_HINT, describeTargetForStatus, STATUS_TOOLTIP } from '../../client/src/target-label';

test('the status bar names the release, where it comes from, the gates set and the command that changes it', () => {
  assert.deepEqual(describeTargetForStatus({ version: '1.36', featureGates: {}, source: 'settings', supported: ['1.36'] }), {
    text: '$(symbol-namespace) Pod Lens · K8s 1.36',
    tooltip: `${STATUS_TOOLTIP}\nChecked against Kubernetes 1.36, from podLens.kubernetesVersion.\n${CHOOSE_HINT}`,
  });
  assert.deepEqual(describeTargetForStatus({ version: '1.31', featureGates: { ImageVolume: true, SidecarContainers: false }, source: 'file', supported: ['1.31'] }), {
    text: '$(symbol-namespace) Pod Lens · K8s 1.31',
    tooltip: `${STATUS_TOOLTIP}\nChecked against Kubernetes 1.31, pinned by the file (# pod-lens: kubernetes-version=…); feature gates ImageVolume=true, SidecarContainers=false.\n${CHOOSE_HINT}`,
  });
});

test('the hint names the command as the palette shows it (category: title, from the manifest)', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { contributes: { commands: Array<{ command: string; title: string; category: string }> } };
  const command = manifest.contributes.commands.find((c) => c.command === CHOOSE_VERSION_COMMAND);
  assert.equal(CHOOSE_HINT, `Change the release with "${command?.category}: ${command?.title}".`);
  assert.equal(CHOOSE_HINT, 'Change the release with "Pod Lens: Choose Kubernetes Version".');
});
