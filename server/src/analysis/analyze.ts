/**
 * Runs the rule table over a model: per document, with the user's severities and ignore comments applied. Each step
 * lives in findings/; this is their order.
 */
import type { ManifestModel } from './model/manifest';
import type { AnalysisOptions } from './options';
import { optionsForFile } from './k8s/file-target';
import { RULES } from './rules/index';
import type { Finding, Rule } from './rules/types';
import { isAnalysed } from './findings/analysed-documents';
import { documentFindingsRunner, type FindingsCache } from './findings/cache';
import { documentStart, inFile } from './findings/file-spans';
import { limitFindings } from './findings/finding-limit';
import { quietTemplates } from './findings/go-template-quiet';
import { IgnoreComments } from './findings/ignore-comments';
import { kustomizeFindings } from './findings/kustomize-passes';
import { byPlace } from './findings/order';
import type { RuleFailure } from './findings/run-rules';

export { createFindingsCache, type FindingsCache } from './findings/cache';

export interface AnalysisResult {
  findings: Finding[];
  /** Rules that threw: reported to the log, never to the user as a crash. */
  failures: RuleFailure[];
}

export function analyze(model: ManifestModel, options: AnalysisOptions = {}, rules: readonly Rule[] = RULES, cache?: FindingsCache): AnalysisResult {
  // A file may pin its own Kubernetes version: every rule of the file sees that target (and the cache key has it).
  options = optionsForFile(model.text, options);
  const failures: RuleFailure[] = [];
  const ignores = new IgnoreComments(model.text);
  const shown = (f: Finding) => !ignores.isIgnored(f.rule, f.span.start);
  const findingsOf = documentFindingsRunner(model, options, rules, failures, cache);
  const findings: Finding[] = [];
  for (const document of model.documents) {
    if (!isAnalysed(document, options)) continue;
    const own = quietTemplates(document, findingsOf(document), rules).map((f) => inFile(f, document, model.text.length));
    // The note goes where the document's content starts, so it is visible next to the first findings.
    for (const f of limitFindings(own.filter(shown), documentStart(document, model.text.length))) findings.push(f);
  }
  const made = kustomizeFindings(model, options, findings, (m, o) => analyze(m, o, rules).findings, failures);
  for (const f of made) if (shown(f)) findings.push(f);
  findings.sort(byPlace);
  return { findings, failures };
}
