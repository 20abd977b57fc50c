/**
 * Completion's view of a custom resource: it has no type here, but the pod templates it embeds are PodTemplateSpecs (or
 * Knative's pod spec), so field names and enum values under them complete as in a Deployment.
 */
import type { ManifestDocument } from '../model/manifest';
import { typeAlong } from './indent-context';

/** `spec.workerGroupSpecs[0].template` → the indentation segments `spec workerGroupSpecs [] template`. */
function segmentsOf(path: string): string[] {
  const out: string[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)) out.push(m[1] !== undefined ? m[1] : /^\d+$/.test(m[2]!) ? '[]' : m[2]!);
  return out;
}

/** The struct type at `segments` (from the document root) when they lead into one of its pod templates. */
export function customTypeAlong(document: ManifestDocument, segments: string[]): string | undefined {
  for (const w of document.workloads) {
    if (!w.kind.custom?.hasPodSchema) continue;
    const at = w.template ?? w.podSpec.view;
    const prefix = segmentsOf(at.path);
    if (segments.length < prefix.length || prefix.some((s, i) => segments[i] !== s)) continue;
    return typeAlong(w.template ? 'V1PodTemplateSpec' : 'V1PodSpec', segments.slice(prefix.length));
  }
  return undefined;
}
