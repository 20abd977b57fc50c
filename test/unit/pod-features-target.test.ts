/**
 * The newer pod features on both sides of their feature gates: the same manifest analysed against targets where the
 * gate is on and off (by the minor's default and by an explicit gate), with the findings each rule must give.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis/analyze';
import { parseManifests } from '../../server/src/analysis/model/manifest';
import type { KubernetesTarget } from '../../server/src/analysis/k8s/target';

/** A Pod whose spec is `spec` (indented two spaces under `spec:`). */
function pod(spec: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec.replace(/^/gm, '  ')}\n`;
}

function target(minor: string, featureGates: Record<string, boolean> = {}): KubernetesTarget {
  return { minor, featureGates };
}

/** `rule path: message` of each finding of `rule`, in document order. */
function findingsOf(text: string, rule: string, t: KubernetesTarget | undefined): string[] {
  const result = analyze(parseManifests(text), t ? { target: t } : {});
  assert.deepEqual(result.failures, [], 'no rule may throw');
  return result.findings.filter((f) => f.rule === rule).map((f) => `${f.path}: ${f.message}`);
}

type Case = [name: string, text: string, rule: string, t: KubernetesTarget | undefined, want: string[]];

const RESTART_RULES = pod(
  'containers:\n- name: app\n  image: busybox:1.36\n  restartPolicyRules:\n  - action: Restart\n    exitCodes: {operator: In, values: [42]}',
);
const SIDECAR_RULES = pod(
  'initContainers:\n- name: proxy\n  image: busybox:1.36\n  restartPolicy: Always\n  restartPolicyRules:\n  - action: RestartAllContainers\n    exitCodes: {operator: In, values: [1]}\ncontainers:\n- name: app\n  image: busybox:1.36',
);
const RESIZE_DUPLICATE = pod(
  'containers:\n- name: app\n  image: nginx:1.27\n  resizePolicy:\n  - {resourceName: cpu, restartPolicy: NotRequired}\n  - {resourceName: cpu, restartPolicy: NotRequired}',
);
const RESIZE_DUPLICATE_FINDING = 'spec.containers[0].resizePolicy[1]: A second resize policy for "cpu"; the API server rejects the object (`Duplicate value: "cpu"`).';
const POD_LEVEL_OVER_LIMIT = pod('resources:\n  requests: {cpu: "3"}\n  limits: {cpu: "2"}\ncontainers:\n- name: app\n  image: nginx:1.27');
const POD_LEVEL_FINDING = 'spec.resources.requests: The pod-level cpu request exceeds its limit; the API server rejects the object (`Invalid value: "3": must be less than or equal to cpu limit of 2`).';
const IMAGE_VOLUME_UPPER = pod('containers:\n- name: app\n  image: nginx:1.27\nvolumes:\n- name: model\n  image: {reference: Quay.io/Example/Model:v1}');
const IMAGE_VOLUME_FINDING =
  'spec.volumes[0].image.reference: The kubelet cannot parse this image volume reference, so the Pod\'s containers never start (couldn\'t parse image name "Quay.io/Example/Model:v1": invalid reference format: repository name (Example/Model) must be lowercase); the API server accepts it.';
const FILE_KEY_REF = pod(
  'containers:\n- name: app\n  image: nginx:1.27\n  env:\n  - name: MAIN\n    valueFrom:\n      fileKeyRef: {volumeName: config, path: ../config.env, key: MAIN}\nvolumes:\n- name: config\n  emptyDir: {}',
);
const HOSTNAME_OVERRIDE = pod('hostnameOverride: Worker_1\ncontainers:\n- name: app\n  image: nginx:1.27');
const USERNS_HOST_PID = pod('hostUsers: false\nhostPID: true\nhostNetwork: true\ncontainers:\n- name: app\n  image: nginx:1.27');
const UNMASKED = pod('containers:\n- name: app\n  image: nginx:1.27\n  securityContext: {procMount: Unmasked}');
const UNMASKED_FINDING =
  'spec.containers[0].securityContext.procMount: An unmasked /proc (procMount: Unmasked) needs the Pod in its own user namespace (hostUsers: false); the API server rejects the object (`Invalid value: "Unmasked": `hostUsers` must be false to use `Unmasked``).';
const STOP_SIGNAL = pod('containers:\n- name: app\n  image: nginx:1.27\n  lifecycle: {stopSignal: SIGQUIT}');
const STOP_SIGNAL_FINDING =
  'spec.containers[0].lifecycle.stopSignal: A stopSignal in a Pod that does not name its OS (`Forbidden: may not be set for containers with empty `spec.os.name``). The API server rejects the object.';
const RRO_WRITABLE = pod('containers:\n- name: app\n  image: nginx:1.27\n  volumeMounts:\n  - {name: data, mountPath: /data, recursiveReadOnly: Enabled}\nvolumes:\n- name: data\n  emptyDir: {}');
const RRO_FINDING =
  'spec.containers[0].volumeMounts[0].recursiveReadOnly: A recursively read-only mount that is not read-only (`Forbidden: may only be specified when readOnly is true`). The API server rejects the object.';
const SLEEP_ZERO = pod('containers:\n- name: app\n  image: nginx:1.27\n  lifecycle:\n    preStop: {sleep: {seconds: 0}}');
const CLAIM_NOT_FOUND = pod('containers:\n- name: app\n  image: nginx:1.27\n  resources:\n    claims:\n    - name: gpu');
const CLAIM_FINDING =
  'spec.containers[0].resources.claims[0]: A container claim that is not one of the Pod\'s resourceClaims (`Not found: "gpu": must be one of the names in pod.spec.resourceClaims which is empty`). The API server rejects the object.';
const KUBELET_POLICY = 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nimagePullCredentialsVerificationPolicy: AlwaysVerify\n';

const CASES: Case[] = [
  // KubeletEnsureSecretPulledImages: beta and on by default from 1.35; alpha and off in 1.33 and 1.34.
  ['credential verification policy, gate on by default in 1.35', KUBELET_POLICY, 'kubelet-config-image-pulls', target('1.35'), []],
  ['credential verification policy, gate off by default in 1.34', KUBELET_POLICY, 'kubelet-config-image-pulls', target('1.34'), [
    'imagePullCredentialsVerificationPolicy: A credential verification policy without the KubeletEnsureSecretPulledImages feature gate (Alpha, off by default in Kubernetes 1.34) (`invalid configuration: `imagePullCredentialsVerificationPolicy` must not be set if KubeletEnsureSecretPulledImages feature gate is not enabled`). The kubelet refuses to start with this configuration.',
  ]],
  // DynamicResourceAllocation: GA and on from 1.34; beta and off by default in 1.32 and 1.33 (claims dropped).
  ['container claim, gate on in 1.34', CLAIM_NOT_FOUND, 'resource-claims-invalid', target('1.34'), [CLAIM_FINDING]],
  ['container claim, gate off by default in 1.33', CLAIM_NOT_FOUND, 'resource-claims-invalid', target('1.33'), []],
  ['container claim, gate turned on in 1.33', CLAIM_NOT_FOUND, 'resource-claims-invalid', target('1.33', { DynamicResourceAllocation: true }), [CLAIM_FINDING]],
  // ContainerStopSignals: alpha and off by default (1.33 on); the API server drops stopSignal unless it is turned on.
  ['stopSignal, gate off by default in 1.36', STOP_SIGNAL, 'stop-signal-invalid', undefined, []],
  ['stopSignal, gate turned on in 1.36', STOP_SIGNAL, 'stop-signal-invalid', target('1.36', { ContainerStopSignals: true }), [STOP_SIGNAL_FINDING]],
  // RecursiveReadOnlyMounts: beta and on by default from 1.31; alpha and off in 1.30.
  ['recursiveReadOnly, gate on by default in 1.31', RRO_WRITABLE, 'recursive-read-only-invalid', target('1.31'), [RRO_FINDING]],
  ['recursiveReadOnly, gate off by default in 1.30', RRO_WRITABLE, 'recursive-read-only-invalid', target('1.30'), []],
  // PodLifecycleSleepActionAllowZero: zero seconds allowed from 1.33 (beta, on), rejected in 1.32 (alpha, off).
  ['sleep of zero seconds, allowed in 1.33', SLEEP_ZERO, 'sleep-action-invalid', target('1.33'), []],
  ['sleep of zero seconds, rejected in 1.32', SLEEP_ZERO, 'sleep-action-invalid', target('1.32'), [
    'spec.containers[0].lifecycle.preStop.sleep.seconds: A preStop sleep of zero seconds, allowed only with PodLifecycleSleepActionAllowZero (`Invalid value: 0: must be greater than 0 and less than terminationGracePeriodSeconds (30). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`). The API server rejects the object.',
  ]],
  ['sleep hooks dropped without PodLifecycleSleepAction', SLEEP_ZERO, 'sleep-action-invalid', target('1.32', { PodLifecycleSleepAction: false }), []],
  // UserNamespacesSupport: beta and on by default from 1.33 (off in 1.32: hostUsers dropped); the error text changed in 1.34.
  ['hostUsers: false, gate on by default in 1.33 (older wording)', USERNS_HOST_PID, 'host-users-conflict', target('1.33'), [
    'spec.hostPID: A Pod with hostUsers: false cannot use hostPID; the API server rejects the object (`Forbidden: when `pod.Spec.HostUsers` is false`).',
    'spec.hostNetwork: A Pod with hostUsers: false cannot use hostNetwork; the API server rejects the object (`Forbidden: when `pod.Spec.HostUsers` is false`).',
  ]],
  ['hostUsers: false, gate off by default in 1.32', USERNS_HOST_PID, 'host-users-conflict', target('1.32'), []],
  ['hostUsers: false with UserNamespacesHostNetworkSupport on in 1.35', USERNS_HOST_PID, 'host-users-conflict', target('1.35', { UserNamespacesHostNetworkSupport: true }), [
    'spec.hostPID: A Pod with hostUsers: false cannot use hostPID; the API server rejects the object (`Forbidden: when `hostUsers` is false`).',
  ]],
  // ProcMountType: beta and on by default from 1.33; off in 1.32 (procMount forced to Default).
  ['procMount Unmasked, gate on by default in 1.33', UNMASKED, 'host-users-conflict', target('1.33'), [UNMASKED_FINDING]],
  ['procMount Unmasked, gate off by default in 1.32', UNMASKED, 'host-users-conflict', target('1.32'), []],
  // HostnameOverride: beta and on by default from 1.35; alpha and off in 1.34 (the field is dropped).
  ['hostnameOverride, gate on by default in 1.35', HOSTNAME_OVERRIDE, 'hostname-override-invalid', target('1.35'), [
    'spec.hostnameOverride: A hostnameOverride that is not a DNS subdomain (`Invalid value: "Worker_1": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')`). The API server rejects the object.',
  ]],
  ['hostnameOverride, gate off by default in 1.34', HOSTNAME_OVERRIDE, 'hostname-override-invalid', target('1.34'), []],
  // EnvFiles: beta and on by default from 1.35. Off (1.34), the API server drops fileKeyRef and the entry has no source.
  [
    'fileKeyRef, gate on by default in 1.35',
    FILE_KEY_REF,
    'env-value-from-invalid',
    target('1.35'),
    ['spec.containers[0].env[0].valueFrom.fileKeyRef.path: A fileKeyRef path that climbs out of the volume (`Invalid value: "../config.env": must not contain \'..\'`). The API server rejects the object.'],
  ],
  [
    'fileKeyRef, gate off by default in 1.34',
    FILE_KEY_REF,
    'env-value-from-invalid',
    target('1.34'),
    ['spec.containers[0].env[0].valueFrom: Invalid value: must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`. The API server rejects the object.'],
  ],
  // ImageVolume: beta and on by default from 1.35; beta but off by default in 1.33 and 1.34.
  ['image volume, gate on by default in 1.35', IMAGE_VOLUME_UPPER, 'image-volume-invalid', target('1.35'), [IMAGE_VOLUME_FINDING]],
  ['image volume, gate off by default in 1.34', IMAGE_VOLUME_UPPER, 'image-volume-invalid', target('1.34'), []],
  ['image volume, gate turned on in 1.34', IMAGE_VOLUME_UPPER, 'image-volume-invalid', target('1.34', { ImageVolume: true }), [IMAGE_VOLUME_FINDING]],
  // PodLevelResources: beta and on by default from 1.34; alpha and off in 1.33 (spec.resources dropped).
  ['pod-level resources, gate on by default in 1.34', POD_LEVEL_OVER_LIMIT, 'pod-resources-invalid', target('1.34'), [POD_LEVEL_FINDING]],
  ['pod-level resources, gate off by default in 1.33', POD_LEVEL_OVER_LIMIT, 'pod-resources-invalid', target('1.33'), []],
  ['pod-level resources, gate turned on in 1.33', POD_LEVEL_OVER_LIMIT, 'pod-resources-invalid', target('1.33', { PodLevelResources: true }), [POD_LEVEL_FINDING]],
  ['pod-level resources, gate turned off in 1.36', POD_LEVEL_OVER_LIMIT, 'pod-resources-invalid', target('1.36', { PodLevelResources: false }), []],
  // InPlacePodVerticalScaling: beta and on by default from 1.33; alpha and off in 1.32 (resizePolicy dropped).
  ['resizePolicy, gate on by default in 1.33', RESIZE_DUPLICATE, 'resize-policy-invalid', target('1.33'), [RESIZE_DUPLICATE_FINDING]],
  ['resizePolicy, gate off by default in 1.32', RESIZE_DUPLICATE, 'resize-policy-invalid', target('1.32'), []],
  ['resizePolicy, gate turned on in 1.32', RESIZE_DUPLICATE, 'resize-policy-invalid', target('1.32', { InPlacePodVerticalScaling: true }), [RESIZE_DUPLICATE_FINDING]],
  ['resizePolicy, GA and locked in 1.36 even when turned off', RESIZE_DUPLICATE, 'resize-policy-invalid', target('1.36', { InPlacePodVerticalScaling: false }), [RESIZE_DUPLICATE_FINDING]],
  // ContainerRestartRules: beta and on by default from 1.35; alpha and off in 1.34 (the API server then drops the rules).
  [
    'restart rules without a policy, gate on by default (newest)',
    RESTART_RULES,
    'container-restart-rules-invalid',
    undefined,
    ['spec.containers[0].restartPolicy: restartPolicyRules without a container restartPolicy; the API server rejects the object (`Required value: must specify restartPolicy when restart rules are used`).'],
  ],
  ['restart rules, gate off by default in 1.34', RESTART_RULES, 'container-restart-rules-invalid', target('1.34'), []],
  [
    'restart rules, gate turned on in 1.34',
    RESTART_RULES,
    'container-restart-rules-invalid',
    target('1.34', { ContainerRestartRules: true }),
    ['spec.containers[0].restartPolicy: restartPolicyRules without a container restartPolicy; the API server rejects the object (`Required value: must specify restartPolicy when restart rules are used`).'],
  ],
  ['restart rules, gate turned off in 1.36', RESTART_RULES, 'container-restart-rules-invalid', target('1.36', { ContainerRestartRules: false }), []],
  // RestartAllContainersOnContainerExits (alpha, off by default in 1.35): rules on sidecars and the RestartAllContainers action.
  [
    'sidecar rules without RestartAllContainersOnContainerExits',
    SIDECAR_RULES,
    'container-restart-rules-invalid',
    target('1.35'),
    ['spec.initContainers[0].restartPolicyRules: Restart rules on a sidecar (an init container with restartPolicy: Always) need the RestartAllContainersOnContainerExits feature gate (Alpha, off by default in Kubernetes 1.35); the API server rejects the object (`Forbidden: restartPolicyRules are not allowed for init containers with restart policy Always`).'],
  ],
  ['sidecar rules with RestartAllContainersOnContainerExits on', SIDECAR_RULES, 'container-restart-rules-invalid', target('1.35', { RestartAllContainersOnContainerExits: true }), []],
];

for (const [name, text, rule, t, want] of CASES) {
  test(`${rule}: ${name}`, () => {
    assert.deepEqual(findingsOf(text, rule, t), want);
  });
}
