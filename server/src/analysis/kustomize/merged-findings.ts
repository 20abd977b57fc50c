/**
 * Findings of the objects a Kustomize patch file makes: each patch document merged onto its base (merged-object.ts),
 * analysed whole, and the findings on fields the patch sets brought back to the patch's spans (patch-spans.ts).
 * Findings on fields only the base sets are the base file's to report; fixes are dropped (their edits are for the
 * merged text, which exists nowhere).
 */
import type { ManifestModel } from '../model/manifest';
import type { AnalysisOptions } from '../options';
import type { Finding } from '../rules/types';
import type { Span } from '../model/span';
import { mergedObject, type BaseModels } from './merged-object';
import { isJsonPatch } from './json-patch';
import { jsonPatchSpan } from './json-patch-spans';
import { patchSpan } from './patch-spans';
import { shortPlace } from '../hover/kustomize-image';
import { isKustomizePatch } from './patch-workload';

/** Each merge analyses two whole objects: a patch file of thousands of documents is merged for its first ones only. */
export const MAX_MERGED_DOCUMENTS = 20;

/** Rules about how a file is written: the merged JSON text is not anybody's file. */
const ABOUT_THE_TEXT = new Set(['yaml-syntax', 'yaml-duplicate-key', 'value-not-string', 'go-template', 'findings-truncated', 'file-skipped']);

/** A finding's problem, whatever the list positions in its message (the merge moves items: kustomize prepends new ones). */
function sameProblem(f: Finding): string {
  return `${f.rule}|${f.message.replace(/\[\d+\]/g, '[]')}`;
}

export function mergedFindings(
  model: ManifestModel,
  options: AnalysisOptions,
  own: readonly Finding[],
  analyzeWhole: (merged: ManifestModel, options: AnalysisOptions) => Finding[],
): Finding[] {
  const bases = options.kustomizeBases ?? [];
  if (!isKustomizePatch(options) || bases.length === 0) return [];
  const seen = new Set(own.map((f) => `${f.rule}@${f.span.start}-${f.span.end}`));
  const out: Finding[] = [];
  const parsed: BaseModels = new Map();
  let mergedCount = 0;
  for (const document of model.documents) {
    // A JSON 6902 patch is a list (no mapping at its root): its operations make the object.
    if ((!document.root && !isJsonPatch(document.value)) || mergedCount >= MAX_MERGED_DOCUMENTS) continue;
    const merged = mergedObject(document, bases, parsed, options.kustomize.patchTargets, options.kustomizeOtherPatches, options.kustomize);
    if (merged) mergedCount++;
    const mergedDoc = merged?.model.documents[0];
    if (!merged || !mergedDoc) continue;
    // The merged object is whole: analysed as an object of its own, not as a patch (the file's vars still apply).
    const whole: AnalysisOptions = { ...options, kustomize: { ...options.kustomize, patchOf: [], patchBases: [] }, kustomizeBases: undefined, kustomizeOtherPatches: undefined };
    // What the object has without this patch (the base, with the kustomization's other patches) is not this patch's
    // finding; what this patch brings is.
    const baseAlone = new Set(analyzeWhole(merged.without, whole).map(sameProblem));
    const spanOf = (span: Span, nearest = false) => (merged.ops ? jsonPatchSpan(mergedDoc.doc, document.doc, merged.ops, span, nearest) : patchSpan(mergedDoc.doc, document.doc, span, nearest));
    const built = `the ${document.kind ?? mergedDoc.kind} Kustomize builds from this patch and ${shortPlace(merged.base.place)}`;
    for (const f of analyzeWhole(merged.model, whole)) {
      if (ABOUT_THE_TEXT.has(f.rule)) continue;
      const isBasesOwn = baseAlone.has(sameProblem(f));
      // A field the patch sets carries the finding; a problem the merge made, on a field only the base sets, goes
      // to what the patch changed on its path.
      const local = spanOf(f.span, !isBasesOwn);
      if (!local || (isBasesOwn && !spanOf(f.span))) continue;
      const span = { start: local.start + document.offset, end: local.end + document.offset };
      const key = `${f.rule}@${span.start}-${span.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ ...f, message: `${f.message.replace(/[.\s]+$/, '')}. Found in ${built}.`, span, fixes: undefined, data: { ...f.data, kustomizeBase: merged.base.place } });
    }
  }
  return out;
}
