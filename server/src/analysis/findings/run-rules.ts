/** Runs rules over one document: each at its severity, once per pod spec it applies to, its messages finished. */
import type { ManifestDocument, ManifestModel } from '../model/manifest';
import type { AnalysisOptions } from '../options';
import type { Finding, Rule } from '../rules/types';
import { isKustomizePatch } from '../kustomize/patch-workload';
import { withConsequence } from './consequence';
import { boundMessage } from './finding-limit';
import { effectiveSeverity } from './severity';
import { documentViewsFor, inCustomResource } from './workload-scope';

/** A rule that threw: reported to the log, never to the user as a crash. `document` is -1 for whole-file passes. */
export interface RuleFailure {
  rule: string;
  document: number;
  error: unknown;
}

/** Findings of one document in LOCAL coordinates (relative to its chunk); rules that throw land in `failures`. */
export function runRules(model: ManifestModel, document: ManifestDocument, options: AnalysisOptions, rules: readonly Rule[], failures: RuleFailure[]): Finding[] {
  const findings: Finding[] = [];
  const isPatch = isKustomizePatch(options);
  for (const rule of rules) {
    const severity = effectiveSeverity(rule, options);
    if (!severity || (isPatch && rule.judgesAbsence)) continue;
    const views = documentViewsFor(rule.id, document);
    // A rule run once per pod spec says its object-level findings once per run: keep one of each.
    const seen = views.length > 1 ? new Set<string>() : undefined;
    try {
      for (const view of views) {
        rule.check({
          model,
          document: view,
          options,
          report: (f) => {
            const message = boundMessage(inCustomResource(withConsequence(f.message, rule.consequence), rule.id, view.workload, f.path));
            const key = `${f.span.start}:${f.span.end}:${message}`;
            if (seen?.has(key)) return;
            seen?.add(key);
            findings.push({ ...f, message, rule: rule.id, severity: f.severity ?? severity });
          },
        });
      }
    } catch (error) {
      failures.push({ rule: rule.id, document: document.index, error });
    }
  }
  return findings;
}
