/**
 * Which group/versions serve a kind in the target release: versions the API removed (with the release and the
 * replacement), versions deprecated but still served (with the API server's own warning), and kinds written in the
 * wrong group. The removals are those of Kubernetes' Deprecated API Migration Guide (the `APILifecycleRemoved` of
 * each type's zz_generated.prerelease-lifecycle.go); the warning text is apiserver's deprecation.WarningMessage:
 * `<group/version> <Kind> is deprecated in v1.NN+, unavailable in v1.MM+; use <group/version> <Kind>`.
 */
import { servedApiVersion } from './catalog';
import { minorNumber } from '../k8s/target';

export interface ApiLifecycle {
  apiVersion: string;
  kinds: string[];
  /** First minor that warns (APILifecycleDeprecated); only where a target Pod Lens knows still serves it. */
  deprecated?: string;
  /** First minor that no longer serves it (APILifecycleRemoved). */
  removed?: string;
  /** What to use instead. */
  replacement: string;
  /** What the API server's warning names instead, when it differs (the replacement of its own day: v1beta2 → v1beta3). */
  warnsToUse?: string;
  /**
   * The replacement reads the same fields the same way, so rewriting `apiVersion` is the whole migration. False where
   * the guide lists renamed fields or changed meanings (Ingress backends, PodDisruptionBudget's empty selector…).
   */
  compatible: boolean;
}

export const API_LIFECYCLE: ApiLifecycle[] = [
  // v1.16
  { apiVersion: 'extensions/v1beta1', kinds: ['Deployment', 'DaemonSet', 'ReplicaSet'], removed: '1.16', replacement: 'apps/v1', compatible: true },
  { apiVersion: 'apps/v1beta1', kinds: ['Deployment', 'StatefulSet', 'ReplicaSet'], removed: '1.16', replacement: 'apps/v1', compatible: true },
  { apiVersion: 'apps/v1beta2', kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'], removed: '1.16', replacement: 'apps/v1', compatible: true },
  { apiVersion: 'extensions/v1beta1', kinds: ['NetworkPolicy'], removed: '1.16', replacement: 'networking.k8s.io/v1', compatible: true },
  // v1.21 (alpha versions leave without a deprecation period)
  { apiVersion: 'batch/v2alpha1', kinds: ['CronJob'], removed: '1.21', replacement: 'batch/v1', compatible: true },
  // v1.22
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], removed: '1.22', replacement: 'networking.k8s.io/v1', compatible: false },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['Ingress'], removed: '1.22', replacement: 'networking.k8s.io/v1', compatible: false },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['IngressClass'], removed: '1.22', replacement: 'networking.k8s.io/v1', compatible: true },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kinds: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], removed: '1.22', replacement: 'rbac.authorization.k8s.io/v1', compatible: true },
  { apiVersion: 'scheduling.k8s.io/v1beta1', kinds: ['PriorityClass'], removed: '1.22', replacement: 'scheduling.k8s.io/v1', compatible: true },
  { apiVersion: 'coordination.k8s.io/v1beta1', kinds: ['Lease'], removed: '1.22', replacement: 'coordination.k8s.io/v1', compatible: true },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], removed: '1.22', replacement: 'storage.k8s.io/v1', compatible: true },
  { apiVersion: 'apiregistration.k8s.io/v1beta1', kinds: ['APIService'], removed: '1.22', replacement: 'apiregistration.k8s.io/v1', compatible: true },
  { apiVersion: 'apiextensions.k8s.io/v1beta1', kinds: ['CustomResourceDefinition'], removed: '1.22', replacement: 'apiextensions.k8s.io/v1', compatible: false },
  { apiVersion: 'admissionregistration.k8s.io/v1beta1', kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], removed: '1.22', replacement: 'admissionregistration.k8s.io/v1', compatible: false },
  { apiVersion: 'certificates.k8s.io/v1beta1', kinds: ['CertificateSigningRequest'], removed: '1.22', replacement: 'certificates.k8s.io/v1', compatible: false },
  { apiVersion: 'node.k8s.io/v1alpha1', kinds: ['RuntimeClass'], removed: '1.22', replacement: 'node.k8s.io/v1', compatible: false },
  // v1.25
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], deprecated: '1.21', removed: '1.25', replacement: 'batch/v1', compatible: true },
  { apiVersion: 'discovery.k8s.io/v1beta1', kinds: ['EndpointSlice'], removed: '1.25', replacement: 'discovery.k8s.io/v1', compatible: false },
  { apiVersion: 'events.k8s.io/v1beta1', kinds: ['Event'], removed: '1.25', replacement: 'events.k8s.io/v1', compatible: false },
  { apiVersion: 'autoscaling/v2beta1', kinds: ['HorizontalPodAutoscaler'], removed: '1.25', replacement: 'autoscaling/v2', compatible: false },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget'], removed: '1.25', replacement: 'policy/v1', compatible: false },
  { apiVersion: 'node.k8s.io/v1beta1', kinds: ['RuntimeClass'], removed: '1.25', replacement: 'node.k8s.io/v1', compatible: true },
  // v1.26
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], removed: '1.26', replacement: 'flowcontrol.apiserver.k8s.io/v1', compatible: false },
  { apiVersion: 'autoscaling/v2beta2', kinds: ['HorizontalPodAutoscaler'], removed: '1.26', replacement: 'autoscaling/v2', compatible: true },
  // v1.27
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIStorageCapacity'], removed: '1.27', replacement: 'storage.k8s.io/v1', compatible: true },
  // v1.29
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], deprecated: '1.26', removed: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1', warnsToUse: 'flowcontrol.apiserver.k8s.io/v1beta3', compatible: false },
  // v1.32: nominalConcurrencyShares: 0 means 0 in v1, 30 in v1beta3, so not a plain rewrite.
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], deprecated: '1.29', removed: '1.32', replacement: 'flowcontrol.apiserver.k8s.io/v1', compatible: false },
  // Deprecated without a removal: pkg/registry/core/endpoint's warning.
  { apiVersion: 'v1', kinds: ['Endpoints'], deprecated: '1.33', replacement: 'discovery.k8s.io/v1 EndpointSlice', compatible: false },
];

export function lifecycleOf(apiVersion: string, kind: string): ApiLifecycle | undefined {
  return API_LIFECYCLE.find((e) => e.apiVersion === apiVersion && e.kinds.includes(kind));
}

/** The replacement as the warning names it: `batch/v1 CronJob` (a replacement of another kind names it already). */
function replacementOf(e: ApiLifecycle, kind: string): string {
  return e.replacement.includes(' ') ? e.replacement : `${e.replacement} ${kind}`;
}

/** apiserver's deprecation warning for an API still served in `minor`, or undefined. */
export function deprecationWarning(apiVersion: string, kind: string, minor: string): string | undefined {
  const e = lifecycleOf(apiVersion, kind);
  if (!e?.deprecated || minorNumber(minor) < minorNumber(e.deprecated)) return undefined;
  if (e.removed && minorNumber(minor) >= minorNumber(e.removed)) return undefined;
  const unavailable = e.removed ? `, unavailable in v${e.removed}+` : '';
  return `${apiVersion} ${kind} is deprecated in v${e.deprecated}+${unavailable}; use ${replacementOf({ ...e, replacement: e.warnsToUse ?? e.replacement }, kind)}`;
}

export interface Unserved {
  message: string;
  /** The apiVersion that serves the kind instead. */
  served: string;
  removedIn?: string;
  /** Rewriting apiVersion alone migrates the object (the fix is offered). */
  compatible: boolean;
}

/** Why `apiVersion`/`kind` is not served in `minor`; undefined when it is served or unknown to Pod Lens. */
export function unserved(apiVersion: string, kind: string, minor: string): Unserved | undefined {
  const e = lifecycleOf(apiVersion, kind);
  if (e?.removed && minorNumber(minor) >= minorNumber(e.removed)) {
    return {
      message: `no matches for kind "${kind}" in version "${apiVersion}": ${apiVersion} ${kind} was removed in Kubernetes ${e.removed} (the target is Kubernetes ${minor}); use ${replacementOf(e, kind)}`,
      served: e.replacement,
      removedIn: e.removed,
      compatible: e.compatible,
    };
  }
  const served = servedApiVersion(kind);
  if (!served || served === apiVersion || !isBuiltInGroup(apiVersion) || e) return undefined;
  // Kubernetes never served this kind here (Pod in apps/v1): the served version is the one to write.
  return { message: `no matches for kind "${kind}" in version "${apiVersion}": ${kind} is served as ${served}`, served, compatible: true };
}

/** Kubernetes' own groups: the core group and groups without a domain or under k8s.io. Others are custom resources. */
function isBuiltInGroup(apiVersion: string): boolean {
  const slash = apiVersion.indexOf('/');
  if (slash < 0) return true;
  const group = apiVersion.slice(0, slash);
  return !group.includes('.') || group.endsWith('.k8s.io');
}
