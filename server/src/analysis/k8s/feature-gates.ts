/**
 * The Kubernetes features Pod Lens's rules depend on: stage and default per minor, from the versioned feature specs
 * in pkg/features/kube_features.go (`defaultVersionedKubernetesFeatureGates`). One entry per stage change.
 * TODO(#15): each entry verified against kube_features.go of its release.
 */
export interface FeatureStage {
  /** The first minor with this stage. */
  since: string;
  stage: 'Alpha' | 'Beta' | 'GA' | 'Deprecated';
  /** On unless set otherwise. */
  default: boolean;
  /** `LockToDefault`: the gate can no longer be turned off. */
  locked?: boolean;
}

export interface FeatureGate {
  /** What the gate turns on, in a few words, for messages. */
  summary: string;
  stages: FeatureStage[];
}

export const FEATURE_GATES = {
  SidecarContainers: {
    summary: 'init containers with restartPolicy: Always (sidecars)',
    stages: [
      { since: '1.28', stage: 'Alpha', default: false },
      { since: '1.29', stage: 'Beta', default: true },
      { since: '1.33', stage: 'GA', default: true, locked: true },
    ],
  },
  // Pod-feature rules (container-restart-rules-invalid …): kube_features.go defaultVersionedKubernetesFeatureGates, 1.36 line.
  ContainerRestartRules: {
    summary: 'restartPolicy and restartPolicyRules on each container',
    stages: [
      { since: '1.34', stage: 'Alpha', default: false },
      { since: '1.35', stage: 'Beta', default: true },
    ],
  },
  RestartAllContainersOnContainerExits: {
    summary: 'the RestartAllContainers action of container restart rules',
    stages: [{ since: '1.35', stage: 'Alpha', default: false }],
  },
  InPlacePodVerticalScaling: {
    summary: 'resizing a container\'s CPU and memory in place (resizePolicy)',
    stages: [
      { since: '1.27', stage: 'Alpha', default: false },
      { since: '1.33', stage: 'Beta', default: true },
      { since: '1.35', stage: 'GA', default: true, locked: true },
    ],
  },
  PodLevelResources: {
    summary: 'pod-level resources (spec.resources)',
    stages: [
      { since: '1.32', stage: 'Alpha', default: false },
      { since: '1.34', stage: 'Beta', default: true },
    ],
  },
  ImageVolume: {
    summary: 'image volumes (volumes[].image)',
    stages: [
      { since: '1.31', stage: 'Alpha', default: false },
      { since: '1.33', stage: 'Beta', default: false },
      { since: '1.35', stage: 'Beta', default: true },
    ],
  },
  EnvFiles: {
    summary: 'env values read from files (valueFrom.fileKeyRef)',
    stages: [
      { since: '1.34', stage: 'Alpha', default: false },
      { since: '1.35', stage: 'Beta', default: true },
    ],
  },
  HostnameOverride: {
    summary: 'spec.hostnameOverride',
    stages: [
      { since: '1.34', stage: 'Alpha', default: false },
      { since: '1.35', stage: 'Beta', default: true },
    ],
  },
  UserNamespacesSupport: {
    summary: 'Pods in their own user namespace (hostUsers: false)',
    stages: [
      { since: '1.25', stage: 'Alpha', default: false },
      { since: '1.30', stage: 'Beta', default: false },
      { since: '1.33', stage: 'Beta', default: true },
    ],
  },
  UserNamespacesHostNetworkSupport: {
    summary: 'hostNetwork in a Pod with hostUsers: false',
    stages: [{ since: '1.35', stage: 'Alpha', default: false }],
  },
  ProcMountType: {
    summary: 'securityContext.procMount',
    stages: [
      { since: '1.12', stage: 'Alpha', default: false },
      { since: '1.31', stage: 'Beta', default: false },
      { since: '1.33', stage: 'Beta', default: true },
    ],
  },
  ContainerStopSignals: {
    summary: 'lifecycle.stopSignal',
    stages: [{ since: '1.33', stage: 'Alpha', default: false }],
  },
  RecursiveReadOnlyMounts: {
    summary: 'volumeMounts[].recursiveReadOnly',
    stages: [
      { since: '1.30', stage: 'Alpha', default: false },
      { since: '1.31', stage: 'Beta', default: true },
      { since: '1.33', stage: 'GA', default: true, locked: true },
    ],
  },
  PodLifecycleSleepAction: {
    summary: 'sleep lifecycle hooks',
    stages: [
      { since: '1.29', stage: 'Alpha', default: false },
      { since: '1.30', stage: 'Beta', default: true },
      { since: '1.34', stage: 'GA', default: true, locked: true },
    ],
  },
  PodLifecycleSleepActionAllowZero: {
    summary: 'sleep hooks of zero seconds',
    stages: [
      { since: '1.32', stage: 'Alpha', default: false },
      { since: '1.33', stage: 'Beta', default: true },
      { since: '1.34', stage: 'GA', default: true, locked: true },
    ],
  },
  DynamicResourceAllocation: {
    summary: 'resource claims (dynamic resource allocation)',
    stages: [
      { since: '1.26', stage: 'Alpha', default: false },
      { since: '1.32', stage: 'Beta', default: false },
      { since: '1.34', stage: 'GA', default: true },
      { since: '1.35', stage: 'GA', default: true, locked: true },
    ],
  },
  KubeletEnsureSecretPulledImages: {
    summary: 'the kubelet verifying pull credentials of images already on the node',
    stages: [
      { since: '1.33', stage: 'Alpha', default: false },
      { since: '1.35', stage: 'Beta', default: true },
    ],
  },
} satisfies Record<string, FeatureGate>;

export type FeatureGateName = keyof typeof FEATURE_GATES;
