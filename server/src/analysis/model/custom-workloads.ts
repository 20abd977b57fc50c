/**
 * The pod specs of a custom resource: each path match of its table entry becomes a workload with the real field path
 * (`spec.workerGroupSpecs[1].template.spec`). Kinds without a pod spec (Argo Workflows, Tekton) get a container-only
 * view: their containers gathered under the template that holds them, with no pod-level fields.
 */
import { isMap } from 'yaml';
import type { Document } from 'yaml';
import { customPodTemplatesOf, type CustomPodTemplates } from './custom-resources';
import { MapView, fieldPath } from './node-view';
import { objectView } from './api/object-view';
import type { PodSpec } from './api/types';
import { podSpecView, type ContainerFields, type ContainerView, type PodSpecView } from './pod-spec';
import { followTemplatePath, MAX_MATCHES, parseTemplatePath } from './template-paths';
import { apiGroup, type WorkloadKind } from './workload-kinds';

export interface CustomWorkload {
  kind: WorkloadKind;
  podSpec: PodSpecView;
  /** The PodTemplateSpec mapping (metadata + spec) when the path leads to one. */
  template: MapView | undefined;
}

/** Entries of the user's `podLens.podTemplates` come first, so a user can describe a kind the table knows differently. */
export function customWorkloadsOf(doc: Document, root: MapView, table: readonly CustomPodTemplates[]): CustomWorkload[] {
  const apiVersion = root.get('apiVersion')?.value;
  const kindName = root.get('kind')?.value;
  if (typeof apiVersion !== 'string' || typeof kindName !== 'string') return [];
  const entry = customPodTemplatesOf(apiGroup(apiVersion.trim()), kindName, table);
  if (!entry) return [];
  const kind: WorkloadKind = { kind: kindName, groups: [entry.group], podSpecPath: [], isPodTemplate: true, isJob: entry.isJob === true, custom: entry };
  const out: CustomWorkload[] = [];
  for (const path of entry.paths) {
    const parsed = parseTemplatePath(path);
    if (!parsed.ok) continue;
    for (const at of followTemplatePath(root, parsed.segments)) {
      if (out.length >= MAX_MATCHES) return out;
      const found = workloadAt(doc, at, entry, kind);
      if (found) out.push(found);
    }
  }
  return out;
}

function workloadAt(doc: Document, at: MapView, entry: CustomPodTemplates, kind: WorkloadKind): CustomWorkload | undefined {
  if (entry.shape === 'containers') {
    const podSpec = containerOnlyView(at, entry);
    return podSpec.all.length ? { kind, podSpec, template: undefined } : undefined;
  }
  const specView = entry.shape === 'template' ? at.map('spec') : at;
  if (!specView) return undefined;
  const podSpec = podSpecView(doc, specView.node, specView.path, true);
  return podSpec ? { kind, podSpec, template: entry.shape === 'template' ? at : undefined } : undefined;
}

/** Workflow steps: containers whose Pod (resources, QoS, start order) is built by their controller, not written here. */
export function isContainerOnly(workload: { kind: WorkloadKind }): boolean {
  return workload.kind.custom?.shape === 'containers';
}

/** Containers that run together without a pod spec of their own (a workflow step's pod is built by its controller). */
function containerOnlyView(at: MapView, entry: CustomPodTemplates): PodSpecView {
  const init: ContainerView[] = [];
  const app: ContainerView[] = [];
  for (const { field, isList, type } of entry.containerFields ?? []) {
    const views: Array<{ index: number; view: MapView }> = isList ? (at.seq(field)?.maps() ?? []) : single(at, field);
    for (const { index, view } of views) {
      const fields = objectView<ContainerFields>(view, 'V1Container');
      const container: ContainerView = { type, list: type === 'init' ? 'initContainers' : 'containers', index, path: view.path, view, fields, name: fields.name?.value, span: view.span };
      (type === 'init' ? init : app).push(container);
    }
  }
  // The holder is read as a PodSpec, as `view` always was: its own `volumes` (a workflow template's) mean the same.
  return { path: at.path, view: at, fields: objectView<PodSpec>(at, 'V1PodSpec'), containers: app, initContainers: init, sidecars: [], ephemeralContainers: [], all: [...init, ...app], isPodTemplate: true };
}

function single(at: MapView, field: string): Array<{ index: number; view: MapView }> {
  const node = at.get(field)?.node;
  return isMap(node) ? [{ index: 0, view: new MapView(at.doc, node, fieldPath(at.path, field)) }] : [];
}
