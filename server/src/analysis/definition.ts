/** Go to definition: from a name in a pod spec to the object of the workspace it names. */
import { podReferences } from './k8s/pod-references';
import { documentAt, type ManifestModel } from './model/manifest';
import { contains, type Span } from './model/span';
import type { WorkspaceView } from './workspace-view';

export interface Definition {
  uri: string;
  /** File span of the target's metadata.name in its file. */
  span: Span;
}


export function definitionAt(model: ManifestModel, offset: number, ws: WorkspaceView | undefined): Definition[] {
  const document = documentAt(model, offset);
  const spec = document?.workload?.podSpec;
  if (!ws || !document || !spec) return [];
  const local = offset - document.offset;
  const ns = document.namespace;
  const hit = podReferences(spec).find((r) => r.name.value !== undefined && contains(r.name.span, local));
  const name = hit?.name.value;
  if (!hit || name === undefined) return [];
  // RuntimeClasses are cluster-scoped.
  const kind = hit.kind;
  return ws.find(kind, name, kind === 'RuntimeClass' ? undefined : ns).map((o) => ({ uri: o.uri, span: o.span }));
}
