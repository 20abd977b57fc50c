/** A pod spec's effective resources, QoS and startup plan in one place: for inspect, the hover and the preview. */
import { effectiveResources, type EffectiveResources } from '../k8s/effective-resources';
import { qosClass } from '../k8s/qos';
import { startupPlan, type StartupPlan } from '../k8s/startup-plan';
import { podResourcesInput, startupInput } from '../inputs/pod-inputs';
import type { PodSpecView } from '../model/pod-spec';
import type { KubernetesTarget } from '../k8s/target';
import type { WorkspaceView } from '../workspace-view';

/** The RuntimeClass whose overhead.podFixed the Pod will get, when the workspace defines it. */
export interface RuntimeClassOverhead {
  name: string;
  handler: string | undefined;
  overhead: Record<string, unknown>;
}

export interface PodPlan {
  resources: EffectiveResources;
  qos: { qos: string; reason: string };
  startup: StartupPlan;
  /** Set when the effective values include a RuntimeClass's overhead (not when spec.overhead is written). */
  runtimeClass?: RuntimeClassOverhead;
}

/**
 * The RuntimeClass admission plugin (plugin/pkg/admission/runtimeclass) copies overhead.podFixed into spec.overhead when
 * the Pod is created; a Pod that already sets spec.overhead keeps it (and is rejected if it differs).
 */
function runtimeClassOverhead(spec: PodSpecView, workspace: WorkspaceView | undefined): RuntimeClassOverhead | undefined {
  const name = spec.fields.runtimeClassName?.value;
  if (!name || spec.fields.$entry('overhead')) return undefined;
  const rc = workspace?.find('RuntimeClass', name, undefined)[0];
  const overhead = rc?.facts.overhead;
  if (!overhead) return undefined;
  return { name, handler: rc.facts.handler, overhead };
}

/** One computation for the hover, `inspect` and the preview: the same inputs give the same numbers everywhere. */
export function podPlan(spec: PodSpecView, isJob: boolean, workspace?: WorkspaceView, target?: KubernetesTarget): PodPlan {
  const written = podResourcesInput(spec, target);
  const runtimeClass = runtimeClassOverhead(spec, workspace);
  const input = runtimeClass ? { ...written, overhead: runtimeClass.overhead } : written;
  return { resources: effectiveResources(input), qos: qosClass(input), startup: startupPlan(startupInput(spec, isJob, target)), ...(runtimeClass ? { runtimeClass } : {}) };
}

function canonical(values: EffectiveResources['requests']): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.canonical]));
}

/** inspect: effectiveResources (RuntimeClass overhead included when the RuntimeClass is among the inputs), qos, startup and shutdown order. */
export function describePodPlan(spec: PodSpecView, workload: { kind: string; isJob: boolean; workspace?: WorkspaceView; target?: KubernetesTarget }): Record<string, unknown> {
  const plan = podPlan(spec, workload.isJob, workload.workspace, workload.target);
  return {
    effectiveResources: { requests: canonical(plan.resources.requests), limits: canonical(plan.resources.limits) },
    ...(plan.runtimeClass ? { runtimeClass: { name: plan.runtimeClass.name, overhead: Object.fromEntries(Object.entries(plan.runtimeClass.overhead).map(([k, v]) => [k, String(v)])) } } : {}),
    qos: plan.qos.qos,
    qosReason: plan.qos.reason,
    startupOrder: plan.startup.startupOrder,
    shutdownOrder: plan.startup.shutdownOrder,
    startupSummary: plan.startup.summary,
  };
}
