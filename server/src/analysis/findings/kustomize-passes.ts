/**
 * Whole-file passes for Kustomize: a patch file is also checked as the object it makes (merged onto its base,
 * findings on what the patch sets), and a kustomization's inline patches are checked as patches.
 */
import type { ManifestModel } from '../model/manifest';
import type { AnalysisOptions } from '../options';
import type { Finding } from '../rules/types';
import { inlinePatchFindings } from '../kustomize/inline-patches';
import { mergedFindings } from '../kustomize/merged-findings';
import type { RuleFailure } from './run-rules';

/** `own`: the file's findings so far (the merge does not repeat them); `analyzeWhole` analyses a made model. */
export function kustomizeFindings(
  model: ManifestModel,
  options: AnalysisOptions,
  own: readonly Finding[],
  analyzeWhole: (made: ManifestModel, options: AnalysisOptions) => Finding[],
  failures: RuleFailure[],
): Finding[] {
  const passes: Array<[string, () => Finding[]]> = [
    ['kustomize-merge', () => mergedFindings(model, options, own, analyzeWhole)],
    ['kustomize-inline-patches', () => inlinePatchFindings(model, options, analyzeWhole)],
  ];
  return passes.flatMap(([name, pass]) => {
    try {
      return pass();
    } catch (error) {
      // Reported to the log like a rule that threw; the file's own findings stand.
      failures.push({ rule: name, document: -1, error });
      return [];
    }
  });
}
