/** Views of a pod spec and its containers: what rules, hovers and lenses read. */
import { isMap } from 'yaml';
import type { Document } from 'yaml';
import { MapView, fieldPath, SeqView } from './node-view';
import type { Span } from './span';
import { objectView } from './api/object-view';
import type { Container, EphemeralContainer, PodSpec } from './api/types';

/** A container of any list, typed: `EphemeralContainer` has the same fields, some of which validation forbids. */
export type ContainerFields = Container | EphemeralContainer;

/** `init` is a regular init container; `sidecar` an init container with `restartPolicy: Always` (KEP-753). */
export type ContainerType = 'init' | 'sidecar' | 'app' | 'ephemeral';
export type ContainerList = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface ContainerView {
  type: ContainerType;
  list: ContainerList;
  /** Index in its own list. */
  index: number;
  /** Field path, e.g. `spec.template.spec.initContainers[1]`. */
  path: string;
  /** The container mapping. */
  view: MapView;
  /** The container's fields, typed from the API catalog. */
  fields: ContainerFields;
  /** The name when it is a string, else undefined. */
  name: string | undefined;
  span: Span;
}

export interface PodSpecView {
  /** Field path of the pod spec: `spec`, `spec.template.spec`, … */
  path: string;
  view: MapView;
  /** The pod spec's fields, typed from the API catalog. */
  fields: PodSpec;
  /** App containers (`containers`). */
  containers: ContainerView[];
  /** All of `initContainers`, sidecars included, in spec order. */
  initContainers: ContainerView[];
  /** The init containers that are sidecars. */
  sidecars: ContainerView[];
  ephemeralContainers: ContainerView[];
  /** Every container of the three lists, init first, then app, then ephemeral. */
  all: ContainerView[];
  /** True for pod templates (Deployment, Job…); false for a Pod. */
  isPodTemplate: boolean;
}

function containersOf(spec: MapView, list: ContainerList): ContainerView[] {
  const seq: SeqView | undefined = spec.seq(list);
  if (!seq) return [];
  return seq.maps().map(({ index, view }) => {
    const fields = objectView<ContainerFields>(view, list === 'ephemeralContainers' ? 'V1EphemeralContainer' : 'V1Container');
    // KEP-753: an init container with restartPolicy Always is a sidecar.
    const isSidecar = list === 'initContainers' && fields.restartPolicy?.value === 'Always';
    const type: ContainerType =
      list === 'containers' ? 'app' : list === 'ephemeralContainers' ? 'ephemeral' : isSidecar ? 'sidecar' : 'init';
    return { type, list, index, path: view.path, view, fields, name: fields.name?.value, span: view.span };
  });
}

export function podSpecView(doc: Document, node: unknown, path: string, isPodTemplate: boolean): PodSpecView | undefined {
  if (!isMap(node)) return undefined;
  const view = new MapView(doc, node, path);
  const initContainers = containersOf(view, 'initContainers');
  const containers = containersOf(view, 'containers');
  const ephemeralContainers = containersOf(view, 'ephemeralContainers');
  return {
    path,
    view,
    fields: objectView<PodSpec>(view, 'V1PodSpec'),
    containers,
    initContainers,
    sidecars: initContainers.filter((c) => c.type === 'sidecar'),
    ephemeralContainers,
    all: [...initContainers, ...containers, ...ephemeralContainers],
    isPodTemplate,
  };
}

/** The field path of a container field: `<container path>.<field>`. */
export function containerFieldPath(container: ContainerView, field: string): string {
  return fieldPath(container.path, field);
}
