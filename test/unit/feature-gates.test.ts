/** The feature table: its shape (stages in order, minors Pod Lens can name) and known facts from kube_features.go on both sides of each stage change. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FEATURE_GATES, type FeatureGateName, type FeatureStage } from '../../server/src/analysis/k8s/feature-gates';
import {
  describeFeature,
  featureStage,
  isFeatureEnabled,
  minorNumber,
  NEWEST_MINOR,
  parseMinor,
  SUPPORTED_MINORS,
  type KubernetesTarget,
} from '../../server/src/analysis/k8s/target';

const at = (minor: string, featureGates: Record<string, boolean> = {}): KubernetesTarget => ({ minor, featureGates });

test('every gate has stages in increasing minors, none past the newest, a locked stage last', () => {
  for (const [name, gate] of Object.entries(FEATURE_GATES)) {
    const stages: FeatureStage[] = gate.stages;
    assert.ok(stages.length > 0, name);
    let last = -1;
    for (const s of stages) {
      const n = minorNumber(s.since);
      assert.ok(Number.isInteger(n), `${name}: ${s.since}`);
      assert.ok(n > last, `${name}: ${s.since} after ${last}`);
      assert.ok(n <= minorNumber(NEWEST_MINOR), `${name}: ${s.since} after the newest minor`);
      last = n;
    }
    const lockedAt = stages.findIndex((s) => s.locked === true);
    if (lockedAt >= 0) assert.equal(lockedAt, stages.length - 1, `${name}: a locked stage is the last`);
  }
});

// [gate, minor, enabled by default, stage] from kube_features.go's versioned specs.
const FACTS: Array<[FeatureGateName, string, boolean, string | undefined]> = [
  ['SidecarContainers', '1.28', false, 'Alpha'],
  ['SidecarContainers', '1.29', true, 'Beta'],
  ['SidecarContainers', '1.33', true, 'GA'],
  ['PodLevelResources', '1.31', false, undefined],
  ['PodLevelResources', '1.33', false, 'Alpha'],
  ['PodLevelResources', '1.34', true, 'Beta'],
  ['InPlacePodVerticalScaling', '1.32', false, 'Alpha'],
  ['InPlacePodVerticalScaling', '1.33', true, 'Beta'],
  ['InPlacePodVerticalScaling', '1.35', true, 'GA'],
  ['ContainerRestartRules', '1.33', false, undefined],
  ['ContainerRestartRules', '1.34', false, 'Alpha'],
  ['ContainerRestartRules', '1.35', true, 'Beta'],
  ['ImageVolume', '1.30', false, undefined],
  ['ImageVolume', '1.34', false, 'Beta'],
  ['ImageVolume', '1.35', true, 'Beta'],
  ['EnvFiles', '1.34', false, 'Alpha'],
  ['EnvFiles', '1.35', true, 'Beta'],
  ['HostnameOverride', '1.34', false, 'Alpha'],
  ['HostnameOverride', '1.35', true, 'Beta'],
  ['UserNamespacesSupport', '1.32', false, 'Beta'],
  ['UserNamespacesSupport', '1.33', true, 'Beta'],
  ['ProcMountType', '1.30', false, 'Alpha'],
  ['ProcMountType', '1.32', false, 'Beta'],
  ['ProcMountType', '1.33', true, 'Beta'],
  ['ContainerStopSignals', '1.32', false, undefined],
  ['ContainerStopSignals', '1.36', false, 'Alpha'],
  ['RecursiveReadOnlyMounts', '1.30', false, 'Alpha'],
  ['RecursiveReadOnlyMounts', '1.31', true, 'Beta'],
  ['SupplementalGroupsPolicy', '1.32', false, 'Alpha'],
  ['SupplementalGroupsPolicy', '1.33', true, 'Beta'],
  ['RelaxedEnvironmentVariableValidation', '1.31', false, 'Alpha'],
  ['RelaxedEnvironmentVariableValidation', '1.32', true, 'Beta'],
  ['RelaxedEnvironmentVariableValidation', '1.34', true, 'GA'],
  ['KubeletEnsureSecretPulledImages', '1.34', false, 'Alpha'],
  ['KubeletEnsureSecretPulledImages', '1.35', true, 'Beta'],
  ['DynamicResourceAllocation', '1.33', false, 'Beta'],
  ['DynamicResourceAllocation', '1.34', true, 'GA'],
  ['GitRepoVolumeDriver', '1.32', true, 'GA'],
  ['GitRepoVolumeDriver', '1.33', false, 'Deprecated'],
];

for (const [gate, minor, on, stage] of FACTS) {
  test(`${gate} in ${minor}: ${stage ?? 'absent'}, ${on ? 'on' : 'off'} by default`, () => {
    assert.equal(featureStage(gate, minor)?.stage, stage);
    assert.equal(isFeatureEnabled(at(minor), gate), on);
  });
}

test('an explicit setting wins over the default, but not over a gate locked to its default', () => {
  assert.equal(isFeatureEnabled(at('1.34', { ContainerRestartRules: true }), 'ContainerRestartRules'), true);
  assert.equal(isFeatureEnabled(at('1.35', { ContainerRestartRules: false }), 'ContainerRestartRules'), false);
  assert.equal(isFeatureEnabled(at('1.33', { ContainerRestartRules: true }), 'ContainerRestartRules'), false, 'not in 1.33');
  assert.equal(isFeatureEnabled(at('1.33', { SidecarContainers: false }), 'SidecarContainers'), true, 'locked in 1.33');
  assert.equal(isFeatureEnabled(at('1.32', { SidecarContainers: false }), 'SidecarContainers'), false);
});

test('describeFeature names the gate, its stage and its state in the target', () => {
  assert.equal(describeFeature(at('1.33'), 'ImageVolume'), 'the ImageVolume feature gate (Beta, off by default in Kubernetes 1.33)');
  assert.equal(describeFeature(at('1.33', { ImageVolume: true }), 'ImageVolume'), 'the ImageVolume feature gate (Beta, set on in Kubernetes 1.33)');
  assert.equal(describeFeature(at('1.30'), 'ImageVolume'), 'the ImageVolume feature gate (not in Kubernetes 1.30)');
});

test('parseMinor accepts the supported minors as users write them, and nothing else', () => {
  assert.deepEqual(SUPPORTED_MINORS, ['1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36']);
  for (const [text, want] of [['1.31', '1.31'], ['v1.31', '1.31'], ['1.31.4', '1.31'], [' 1.36 ', '1.36'], ['1.28', '1.28'], ['1.27', undefined], ['1.37', undefined], ['2.0', undefined], ['1.3', undefined], ['latest', undefined]] as const) {
    assert.equal(parseMinor(text), want, text);
  }
});
