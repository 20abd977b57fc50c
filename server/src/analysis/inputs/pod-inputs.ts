/** Plain inputs for the Kubernetes formulas (effective resources, QoS, startup plan) read from a pod-spec view. */
import type { ContainerView, PodSpecView } from '../model/pod-spec';
import { isFeatureEnabled, type KubernetesTarget } from '../k8s/target';

/**
 * Whether an init container runs as a sidecar in the target: without the SidecarContainers gate the API server
 * drops an init container's restartPolicy (pkg/api/pod/util.go dropDisabledFields), so it runs as a regular one.
 */
function isSidecarIn(c: ContainerView, target: KubernetesTarget | undefined): boolean {
  return c.type === 'sidecar' && isFeatureEnabled(target, 'SidecarContainers');
}

export interface ResourceMaps {
  requests: Record<string, unknown>;
  limits: Record<string, unknown>;
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function containerResources(c: ContainerView): ResourceMaps {
  const resources = record(c.view.map('resources')?.toJS());
  return { requests: record(resources.requests), limits: record(resources.limits) };
}

function label(c: ContainerView): string {
  return c.name ?? `${c.list}[${c.index}]`;
}

/** Pod-level resources count only where the PodLevelResources gate is on: otherwise the API server drops them. */
export function podResourcesInput(spec: PodSpecView, target?: KubernetesTarget) {
  const toInput = (c: ContainerView) => ({ name: label(c), kind: isSidecarIn(c, target) ? ('sidecar' as const) : c.type === 'app' ? ('app' as const) : ('init' as const), ...containerResources(c) });
  const podLevel = isFeatureEnabled(target, 'PodLevelResources') ? spec.view.map('resources')?.toJS() : undefined;
  const overhead = spec.view.map('overhead')?.toJS();
  return {
    containers: spec.containers.map(toInput),
    initContainers: spec.initContainers.map(toInput),
    ...(overhead !== undefined ? { overhead: record(overhead) } : {}),
    ...(podLevel !== undefined ? { podLevel: { requests: record(record(podLevel).requests), limits: record(record(podLevel).limits) } } : {}),
  };
}

export function startupInput(spec: PodSpecView, isJob: boolean, target?: KubernetesTarget) {
  const grace = spec.view.get('terminationGracePeriodSeconds')?.value;
  const restart = spec.view.get('restartPolicy')?.value;
  return {
    initContainers: spec.initContainers.map((c) => ({ name: label(c), isSidecar: isSidecarIn(c, target), hasStartupProbe: c.view.has('startupProbe'), hasReadinessProbe: c.view.has('readinessProbe') })),
    containers: spec.containers.map((c) => ({ name: label(c), hasReadinessProbe: c.view.has('readinessProbe') })),
    ...(typeof restart === 'string' ? { restartPolicy: restart } : {}),
    isJob,
    ...(typeof grace === 'number' ? { terminationGracePeriodSeconds: grace } : {}),
  };
}
