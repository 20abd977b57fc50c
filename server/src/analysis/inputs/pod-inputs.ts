/** Plain inputs for the Kubernetes formulas (effective resources, QoS, startup plan) read from a pod-spec view. */
import { isMap } from 'yaml';
import type { ResourceRequirements, Scalar } from '../model/api/types';
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

/**
 * A ResourceList as the formulas take it: each quantity as kubectl sends it. One written as a mapping or list stays
 * present, as null: not a quantity (the API server rejects it), yet written (QoS does not default its request).
 */
function resourceList(list: ReadonlyMap<string, Scalar<string | number>>): Record<string, unknown> {
  return Object.fromEntries([...list].map(([resource, quantity]) => [resource, quantity.written ?? null]));
}

function resourceMaps(resources: ResourceRequirements | undefined): ResourceMaps {
  return resources ? { requests: resourceList(resources.requests), limits: resourceList(resources.limits) } : { requests: {}, limits: {} };
}

function label(c: ContainerView): string {
  return c.name ?? `${c.list}[${c.index}]`;
}

/** Pod-level resources count only where the PodLevelResources gate is on: otherwise the API server drops them. */
export function podResourcesInput(spec: PodSpecView, target?: KubernetesTarget) {
  const toInput = (c: ContainerView) => ({ name: label(c), kind: isSidecarIn(c, target) ? ('sidecar' as const) : c.type === 'app' ? ('app' as const) : ('init' as const), ...resourceMaps(c.fields.resources) });
  const pod = spec.fields;
  const podLevel = isFeatureEnabled(target, 'PodLevelResources') ? pod.resources : undefined;
  // Written as a mapping, even an empty one, the overhead is the Pod's own (RuntimeClass admission then adds none).
  const overhead = isMap(pod.$entry('overhead')?.node) ? resourceList(pod.overhead) : undefined;
  return {
    containers: spec.containers.map(toInput),
    initContainers: spec.initContainers.map(toInput),
    ...(overhead !== undefined ? { overhead } : {}),
    ...(podLevel !== undefined ? { podLevel: resourceMaps(podLevel) } : {}),
  };
}

export function startupInput(spec: PodSpecView, isJob: boolean, target?: KubernetesTarget) {
  const grace = spec.fields.terminationGracePeriodSeconds?.value;
  const restart = spec.fields.restartPolicy?.value;
  // A probe counts once its key is written, whatever it holds.
  const has = (c: ContainerView, probe: 'startupProbe' | 'readinessProbe') => c.fields.$entry(probe) !== undefined;
  return {
    initContainers: spec.initContainers.map((c) => ({ name: label(c), isSidecar: isSidecarIn(c, target), hasStartupProbe: has(c, 'startupProbe'), hasReadinessProbe: has(c, 'readinessProbe') })),
    containers: spec.containers.map((c) => ({ name: label(c), hasReadinessProbe: has(c, 'readinessProbe') })),
    ...(restart !== undefined ? { restartPolicy: restart } : {}),
    isJob,
    ...(grace !== undefined ? { terminationGracePeriodSeconds: grace } : {}),
  };
}
