/** Go to definition: from a name in a pod spec to the object of the workspace it names. */
import { documentAt, type ManifestModel } from './model/manifest';
import type { Span } from './model/span';
import type { WorkspaceView } from './workspace-view';

export interface Definition {
  uri: string;
  /** File span of the target's metadata.name in its file. */
  span: Span;
}

function inside(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

export function definitionAt(model: ManifestModel, offset: number, ws: WorkspaceView | undefined): Definition[] {
  const document = documentAt(model, offset);
  const spec = document?.workload?.podSpec;
  if (!ws || !document || !spec) return [];
  const local = offset - document.offset;
  const ns = document.namespace;
  const hits: Array<[string, unknown, Span]> = [];
  for (const { view } of spec.view.seq('imagePullSecrets')?.maps() ?? []) {
    const f = view.get('name');
    if (f) hits.push(['Secret', f.value, f.span]);
  }
  for (const [key, kind] of [['serviceAccountName', 'ServiceAccount'], ['runtimeClassName', 'RuntimeClass']] as const) {
    const f = spec.view.get(key);
    if (f) hits.push([kind, f.value, f.span]);
  }
  for (const { view } of spec.view.seq('volumes')?.maps() ?? []) {
    const cm = view.map('configMap')?.get('name');
    if (cm) hits.push(['ConfigMap', cm.value, cm.span]);
    const secret = view.map('secret')?.get('secretName');
    if (secret) hits.push(['Secret', secret.value, secret.span]);
    const pvc = view.map('persistentVolumeClaim')?.get('claimName');
    if (pvc) hits.push(['PersistentVolumeClaim', pvc.value, pvc.span]);
  }
  for (const c of spec.all) {
    for (const { view } of c.view.seq('env')?.maps() ?? []) {
      const from = view.map('valueFrom');
      const cm = from?.map('configMapKeyRef')?.get('name');
      if (cm) hits.push(['ConfigMap', cm.value, cm.span]);
      const s = from?.map('secretKeyRef')?.get('name');
      if (s) hits.push(['Secret', s.value, s.span]);
    }
    for (const { view } of c.view.seq('envFrom')?.maps() ?? []) {
      const cm = view.map('configMapRef')?.get('name');
      if (cm) hits.push(['ConfigMap', cm.value, cm.span]);
      const s = view.map('secretRef')?.get('name');
      if (s) hits.push(['Secret', s.value, s.span]);
    }
  }
  const hit = hits.find(([, value, span]) => typeof value === 'string' && inside(span, local));
  if (!hit) return [];
  const [kind, name] = hit;
  return ws.find(kind, name as string, kind === 'RuntimeClass' ? undefined : ns).map((o) => ({ uri: o.uri, span: o.span }));
}
