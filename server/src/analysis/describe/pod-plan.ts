/** A pod spec's effective resources, QoS and startup plan in one place: for inspect, the hover and the preview. */
import { effectiveResources, type EffectiveResources } from '../k8s/effective-resources';
import { qosClass } from '../k8s/qos';
import { startupPlan, type StartupPlan } from '../k8s/startup-plan';
import { podResourcesInput, startupInput } from '../inputs/pod-inputs';
import type { PodSpecView } from '../model/pod-spec';
import type { KubernetesTarget } from '../k8s/target';

export interface PodPlan {
  resources: EffectiveResources;
  qos: { qos: string; reason: string };
  startup: StartupPlan;
}

/**
 * `runtimeOverhead`: a RuntimeClass's overhead.podFixed, which the RuntimeClass admission plugin copies into
 * spec.overhead when the Pod is created (a written spec.overhead stays).
 */
export function podPlan(spec: PodSpecView, isJob: boolean, runtimeOverhead?: Record<string, unknown>, target?: KubernetesTarget): PodPlan {
  const written = podResourcesInput(spec, target);
  const input = written.overhead === undefined && runtimeOverhead ? { ...written, overhead: runtimeOverhead } : written;
  return { resources: effectiveResources(input), qos: qosClass(input), startup: startupPlan(startupInput(spec, isJob, target)) };
}

function canonical(values: EffectiveResources['requests']): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.canonical]));
}

/** inspect: effectiveResources, qos, startupOrder, shutdownOrder per workload. */
export function describePodPlan(spec: PodSpecView, workload: { kind: string; isJob: boolean; target?: KubernetesTarget }): Record<string, unknown> {
  const plan = podPlan(spec, workload.isJob, undefined, workload.target);
  return {
    effectiveResources: { requests: canonical(plan.resources.requests), limits: canonical(plan.resources.limits) },
    qos: plan.qos.qos,
    qosReason: plan.qos.reason,
    startupOrder: plan.startup.startupOrder,
    shutdownOrder: plan.startup.shutdownOrder,
    startupSummary: plan.startup.summary,
  };
}
