/** Plain inputs for the Kubernetes formulas (effective resources, QoS, startup plan) read from a pod-spec view. */
import type { ContainerView, PodSpecView } from '../model/pod-spec';

export interface ResourceMaps {
  requests: Record<string, unknown>;
  limits: Record<string, unknown>;
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

export function containerResources(c: ContainerView): ResourceMaps {
  const resources = record(c.view.map('resources')?.toJS());
  return { requests: record(resources.requests), limits: record(resources.limits) };
}

function label(c: ContainerView): string {
  return c.name ?? `${c.list}[${c.index}]`;
}

export function podResourcesInput(spec: PodSpecView) {
  const toInput = (c: ContainerView) => ({ name: label(c), kind: c.type === 'sidecar' ? ('sidecar' as const) : c.type === 'init' ? ('init' as const) : ('app' as const), ...containerResources(c) });
  const podLevel = spec.view.map('resources')?.toJS();
  const overhead = spec.view.map('overhead')?.toJS();
  return {
    containers: spec.containers.map(toInput),
    initContainers: spec.initContainers.map(toInput),
    ...(overhead !== undefined ? { overhead: record(overhead) } : {}),
    ...(podLevel !== undefined ? { podLevel: { requests: record(record(podLevel).requests), limits: record(record(podLevel).limits) } } : {}),
  };
}

export function startupInput(spec: PodSpecView, isJob: boolean) {
  const grace = spec.view.get('terminationGracePeriodSeconds')?.value;
  const restart = spec.view.get('restartPolicy')?.value;
  return {
    initContainers: spec.initContainers.map((c) => ({ name: label(c), isSidecar: c.type === 'sidecar', hasStartupProbe: c.view.has('startupProbe'), hasReadinessProbe: c.view.has('readinessProbe') })),
    containers: spec.containers.map((c) => ({ name: label(c), hasReadinessProbe: c.view.has('readinessProbe') })),
    ...(typeof restart === 'string' ? { restartPolicy: restart } : {}),
    isJob,
    ...(typeof grace === 'number' ? { terminationGracePeriodSeconds: grace } : {}),
  };
}
