/** The workload a document stands for: for a Kustomize patch, the one of the object Kustomize builds from it. */
import type { ManifestDocument, Workload } from '../model/manifest';
import type { AnalysisOptions } from '../options';
import type { KustomizeFacts } from './coverage';
import { mergedObject } from './merged-object';

/** Whether the file is used as a patch by a kustomization of the workspace (its rules then judge a partial object). */
export function isKustomizePatch(options: AnalysisOptions): options is AnalysisOptions & { kustomize: KustomizeFacts } {
  return (options.kustomize?.patchOf.length ?? 0) > 0;
}

/**
 * A patch holds only what it changes, so the lens and the preview show the merged object's workload; undefined when
 * the patch's base cannot be found. Any other document's own workload is returned as it is.
 */
export function effectiveWorkload(document: ManifestDocument, own: Workload, options: AnalysisOptions): { workload: Workload; merged: boolean } | undefined {
  if (!isKustomizePatch(options)) return { workload: own, merged: false };
  const merged = mergedObject(document, options.kustomizeBases ?? [], undefined, options.kustomize?.patchTargets, options.kustomizeOtherPatches, options.kustomize)?.model.documents[0]?.workload;
  return merged ? { workload: merged, merged: true } : undefined;
}
