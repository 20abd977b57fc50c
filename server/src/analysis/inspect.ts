/** What Kubernetes will make of each pod spec of a model: the data behind `pod-lens inspect`. */
import { describeImage } from './describe/image';
import { describeImageVolumes } from './describe/image-volumes';
import { describePodPlan } from './describe/pod-plan';
import { describePullSecrets } from './describe/pull-secrets';
import type { WorkspaceView } from './workspace-view';
import { isContainerOnly } from './model/custom-workloads';
import type { KubernetesTarget } from './k8s/target';
import { workloadsOf, type ManifestModel } from './model/manifest';
import type { ContainerType, ContainerView, PodSpecView } from './model/pod-spec';

export interface InspectedContainer {
  name: string | null;
  type: ContainerType;
  path: string;
  [extra: string]: unknown;
}

export interface InspectedWorkload {
  document: number;
  kind: string;
  name: string | null;
  namespace: string | null;
  podSpecPath: string;
  containers: InspectedContainer[];
  [extra: string]: unknown;
}

/** Extra fields per container and per workload, added by later capabilities (images, resources, startup order). */
export type ContainerDescriber = (container: ContainerView, spec: PodSpecView) => Record<string, unknown>;
export type WorkloadDescriber = (spec: PodSpecView, workload: { kind: string; isJob: boolean; replicas: number | undefined; namespace: string | undefined; workspace?: WorkspaceView; target?: KubernetesTarget }) => Record<string, unknown>;

const CONTAINER_DESCRIBERS: ContainerDescriber[] = [describeImage];
const WORKLOAD_DESCRIBERS: WorkloadDescriber[] = [describePodPlan, describePullSecrets, describeImageVolumes];

export function inspectModel(model: ManifestModel, workspace?: WorkspaceView, target?: KubernetesTarget): InspectedWorkload[] {
  return workloadsOf(model).map(({ document, workload }) => {
    const spec = workload.podSpec;
    const containers = spec.all.map((c) => {
      const base: InspectedContainer = { name: c.name ?? null, type: c.type, path: c.path };
      for (const d of CONTAINER_DESCRIBERS) Object.assign(base, d(c, spec));
      return base;
    });
    const custom = workload.kind.custom;
    const out: InspectedWorkload = {
      document: document.index,
      kind: workload.kind.kind,
      name: workload.name ?? null,
      namespace: workload.namespace ?? null,
      podSpecPath: spec.path,
      containers,
      // A custom resource's entry says which group matched it; workflow steps have containers but no pod spec.
      ...(custom ? { apiVersion: document.apiVersion ?? null, customResource: { group: custom.group, shape: custom.shape } } : {}),
    };
    // Resources, QoS and start order are the Pod's: a workflow engine builds that Pod with containers of its own.
    if (isContainerOnly(workload)) return out;
    for (const d of WORKLOAD_DESCRIBERS) Object.assign(out, d(spec, { kind: workload.kind.kind, isJob: workload.kind.isJob, replicas: workload.replicas, namespace: workload.namespace, workspace, target }));
    return out;
  });
}
