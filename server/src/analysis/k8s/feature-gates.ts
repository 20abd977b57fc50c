/**
 * The Kubernetes features Pod Lens's rules depend on: stage and default per minor, copied from the versioned feature
 * specs in pkg/features/kube_features.go (`defaultVersionedKubernetesFeatureGates`, the copy of the 1.36 development
 * branch; the versioned form came in 1.31 and carries each gate's earlier history back to its alpha). One entry per
 * stage change, in the order of the source; `locked` is `LockToDefault`.
 */
export interface FeatureStage {
  /** The first minor with this stage. */
  since: string;
  stage: 'Alpha' | 'Beta' | 'GA' | 'Deprecated';
  /** On unless set otherwise. */
  default: boolean;
  /** `LockToDefault`: the gate can no longer be set to anything but its default. */
  locked?: boolean;
}

export interface FeatureGate {
  /** What the gate turns on, in a few words, for messages. */
  summary: string;
  stages: FeatureStage[];
}

export const FEATURE_GATES = {
  ContainerRestartRules: {
    summary: 'per-container restartPolicy and restartPolicyRules',
    stages: [
      { since: '1.34', stage: 'Alpha', default: false },
      { since: '1.35', stage: 'Beta', default: true },
    ],
  },
  ContainerStopSignals: {
    summary: 'lifecycle.stopSignal',
    stages: [{ since: '1.33', stage: 'Alpha', default: false }],
  },
  DynamicResourceAllocation: {
    summary: 'resource claims (spec.resourceClaims, resources.claims)',
    stages: [
      { since: '1.26', stage: 'Alpha', default: false },
      { since: '1.32', stage: 'Beta', default: false },
      { since: '1.34', stage: 'GA', default: true },
      { since: '1.35', stage: 'GA', default: true, locked: true },
    ],
  },
  EnvFiles: {
    summary: 'env valueFrom.fileKeyRef',
    stages: [
      { since: '1.34', stage: 'Alpha', default: false },
      { since: '1.35', stage: 'Beta', default: true },
    ],
  },
  GitRepoVolumeDriver: {
    summary: 'gitRepo volumes',
    stages: [
      { since: '1.0', stage: 'GA', default: true },
      { since: '1.33', stage: 'Deprecated', default: false },
    ],
  },
  HostnameOverride: {
    summary: 'spec.hostnameOverride',
    stages: [
      { since: '1.34', stage: 'Alpha', default: false },
      { since: '1.35', stage: 'Beta', default: true },
    ],
  },
  ImageVolume: {
    summary: 'image volumes',
    stages: [
      { since: '1.31', stage: 'Alpha', default: false },
      { since: '1.33', stage: 'Beta', default: false },
      { since: '1.35', stage: 'Beta', default: true },
    ],
  },
  InPlacePodVerticalScaling: {
    summary: 'in-place resize (resizePolicy)',
    stages: [
      { since: '1.27', stage: 'Alpha', default: false },
      { since: '1.33', stage: 'Beta', default: true },
      { since: '1.35', stage: 'GA', default: true, locked: true },
    ],
  },
  KubeletEnsureSecretPulledImages: {
    summary: "the kubelet's credential verification for pulled images",
    stages: [
      { since: '1.33', stage: 'Alpha', default: false },
      { since: '1.35', stage: 'Beta', default: true },
    ],
  },
  PodLevelResources: {
    summary: 'pod-level resources (spec.resources)',
    stages: [
      { since: '1.32', stage: 'Alpha', default: false },
      { since: '1.34', stage: 'Beta', default: true },
    ],
  },
  PodLifecycleSleepAction: {
    summary: 'the sleep lifecycle handler',
    stages: [
      { since: '1.29', stage: 'Alpha', default: false },
      { since: '1.30', stage: 'Beta', default: true },
      { since: '1.34', stage: 'GA', default: true, locked: true },
    ],
  },
  PodLifecycleSleepActionAllowZero: {
    summary: 'a sleep lifecycle handler of zero seconds',
    stages: [
      { since: '1.32', stage: 'Alpha', default: false },
      { since: '1.33', stage: 'Beta', default: true },
      { since: '1.34', stage: 'GA', default: true, locked: true },
    ],
  },
  ProcMountType: {
    summary: 'securityContext.procMount',
    stages: [
      { since: '1.12', stage: 'Alpha', default: false },
      { since: '1.31', stage: 'Beta', default: false },
      { since: '1.33', stage: 'Beta', default: true },
    ],
  },
  RecursiveReadOnlyMounts: {
    summary: 'volumeMounts recursiveReadOnly',
    stages: [
      { since: '1.30', stage: 'Alpha', default: false },
      { since: '1.31', stage: 'Beta', default: true },
      { since: '1.33', stage: 'GA', default: true, locked: true },
    ],
  },
  RelaxedEnvironmentVariableValidation: {
    summary: 'environment variable names of any printable ASCII but "="',
    stages: [
      { since: '1.30', stage: 'Alpha', default: false },
      { since: '1.32', stage: 'Beta', default: true },
      { since: '1.34', stage: 'GA', default: true, locked: true },
    ],
  },
  RestartAllContainersOnContainerExits: {
    summary: 'the RestartAllContainers action of container restart rules',
    stages: [{ since: '1.35', stage: 'Alpha', default: false }],
  },
  SidecarContainers: {
    summary: 'init containers with restartPolicy: Always (sidecars)',
    stages: [
      { since: '1.28', stage: 'Alpha', default: false },
      { since: '1.29', stage: 'Beta', default: true },
      { since: '1.33', stage: 'GA', default: true, locked: true },
    ],
  },
  SupplementalGroupsPolicy: {
    summary: 'securityContext.supplementalGroupsPolicy',
    stages: [
      { since: '1.31', stage: 'Alpha', default: false },
      { since: '1.33', stage: 'Beta', default: true },
      { since: '1.35', stage: 'GA', default: true, locked: true },
    ],
  },
  UserNamespacesHostNetworkSupport: {
    summary: 'hostNetwork in a Pod with hostUsers: false',
    stages: [{ since: '1.35', stage: 'Alpha', default: false }],
  },
  UserNamespacesSupport: {
    summary: 'user namespaces (hostUsers: false)',
    stages: [
      { since: '1.25', stage: 'Alpha', default: false },
      { since: '1.30', stage: 'Beta', default: false },
      { since: '1.33', stage: 'Beta', default: true },
    ],
  },
} satisfies Record<string, FeatureGate>;

export type FeatureGateName = keyof typeof FEATURE_GATES;

/** Whether a name is a gate Pod Lens knows (user input: settings, flags, comments). */
export function isFeatureGateName(name: string): name is FeatureGateName {
  return Object.prototype.hasOwnProperty.call(FEATURE_GATES, name);
}
