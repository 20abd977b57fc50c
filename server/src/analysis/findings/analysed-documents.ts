/** Which documents of a file rules run on at all. */
import type { ManifestDocument } from '../model/manifest';
import type { AnalysisOptions } from '../options';
import { isJsonPatch } from '../kustomize/json-patch';
import { isKustomizePatch } from '../kustomize/patch-workload';

/**
 * A document no rule can say anything about: no mapping at its root (empty, a scalar or a list), and nothing the
 * parser complained of. Skipping these keeps a file of a million `---` lines as cheap as its parse.
 */
function isInert(document: ManifestDocument): boolean {
  return !document.root && document.syntaxErrors.length === 0 && document.duplicateKeys.length === 0 && !document.isGoTemplate;
}

export function isAnalysed(document: ManifestDocument, options: AnalysisOptions): boolean {
  // A JSON 6902 patch a kustomization applies is a list, yet kustomize-patch-failed has something to say of it.
  return !isInert(document) || (isKustomizePatch(options) && isJsonPatch(document.value));
}
