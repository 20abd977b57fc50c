/** Which objects carry a pod spec, and where: found by apiVersion + kind, never by file name. */
import type { CustomPodTemplates } from './custom-resources';

export interface WorkloadKind {
  kind: string;
  /** API groups the kind was served from, old ones included (the corpus has extensions/v1beta1 Deployments). */
  groups: string[];
  /** Field path from the object root to the pod spec. */
  podSpecPath: string[];
  /** Whether the pod spec is a template (validation and defaulting differ from a Pod's, e.g. image whitespace). */
  isPodTemplate: boolean;
  /** Job-like kinds: sidecars do not hold up completion. */
  isJob: boolean;
  /** A custom resource's entry (custom-resources.ts or podLens.podTemplates): which rules and schema apply to it. */
  custom?: CustomPodTemplates;
}

const TEMPLATE = ['spec', 'template', 'spec'];

export const WORKLOAD_KINDS: readonly WorkloadKind[] = [
  { kind: 'Pod', groups: [''], podSpecPath: ['spec'], isPodTemplate: false, isJob: false },
  { kind: 'PodTemplate', groups: [''], podSpecPath: ['template', 'spec'], isPodTemplate: true, isJob: false },
  { kind: 'ReplicationController', groups: [''], podSpecPath: TEMPLATE, isPodTemplate: true, isJob: false },
  { kind: 'Deployment', groups: ['apps', 'extensions'], podSpecPath: TEMPLATE, isPodTemplate: true, isJob: false },
  { kind: 'ReplicaSet', groups: ['apps', 'extensions'], podSpecPath: TEMPLATE, isPodTemplate: true, isJob: false },
  { kind: 'DaemonSet', groups: ['apps', 'extensions'], podSpecPath: TEMPLATE, isPodTemplate: true, isJob: false },
  { kind: 'StatefulSet', groups: ['apps'], podSpecPath: TEMPLATE, isPodTemplate: true, isJob: false },
  { kind: 'Job', groups: ['batch'], podSpecPath: TEMPLATE, isPodTemplate: true, isJob: true },
  {
    kind: 'CronJob',
    groups: ['batch'],
    podSpecPath: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
    isPodTemplate: true,
    isJob: true,
  },
];

/** The group of an apiVersion: `apps/v1` → `apps`, `v1` → `` (core). */
export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/**
 * The workload kind of an object, or undefined. A missing apiVersion still matches (the user may not have
 * typed it yet); another group's kind of the same name (a CRD) does not.
 */
export function workloadKindOf(apiVersion: unknown, kind: unknown): WorkloadKind | undefined {
  if (typeof kind !== 'string') return undefined;
  const wk = WORKLOAD_KINDS.find((k) => k.kind === kind);
  if (!wk) return undefined;
  if (apiVersion === undefined || apiVersion === null) return wk;
  if (typeof apiVersion !== 'string') return undefined;
  return wk.groups.includes(apiGroup(apiVersion.trim())) ? wk : undefined;
}
