/**
 * The findings cache (the editor's): a document's findings from rules of `scope: 'document'` are reused while its
 * parsed document and its options are unchanged. The key leaves out the workspace index, which changes without the
 * document changing, and those rules are handed exactly the options of the key: a rule that reads the workspace
 * without declaring `scope: 'workspace'` finds it absent on every path (tests, CLI, editor), never stale in the editor.
 */
import type { ManifestDocument, ManifestModel } from '../model/manifest';
import type { AnalysisOptions } from '../options';
import type { Finding, Rule } from '../rules/types';
import { runRules, type RuleFailure } from './run-rules';

/** Findings of unchanged documents, reused across versions of a file (keyed by the parsed document). */
export type FindingsCache = WeakMap<object, { optionsKey: string; findings: Finding[] }>;

export function createFindingsCache(): FindingsCache {
  return new WeakMap();
}

/** The options a document-scoped rule sees, which are also its cache key: all but the per-run workspace index. */
function documentScopedOptions(options: AnalysisOptions): AnalysisOptions {
  const { workspace: _perRun, ...rest } = options;
  return rest;
}

/** Each document's findings, the document-scoped part from the cache when it can be. */
export function documentFindingsRunner(
  model: ManifestModel,
  options: AnalysisOptions,
  rules: readonly Rule[],
  failures: RuleFailure[],
  cache: FindingsCache | undefined,
): (document: ManifestDocument) => Finding[] {
  const documentOptions = documentScopedOptions(options);
  const optionsKey = cache ? JSON.stringify(documentOptions) : '';
  const cached = rules.filter((r) => (r.scope ?? 'document') === 'document');
  const everyTime = rules.filter((r) => (r.scope ?? 'document') !== 'document');
  return (document) => {
    let own: Finding[];
    const hit = cache?.get(document.doc);
    if (hit && hit.optionsKey === optionsKey) own = hit.findings;
    else {
      const before = failures.length;
      own = runRules(model, document, documentOptions, cached, failures);
      // A rule that threw is retried next time rather than cached as "no findings".
      if (failures.length === before) cache?.set(document.doc, { optionsKey, findings: own });
    }
    return everyTime.length ? [...own, ...runRules(model, document, options, everyTime, failures)] : own;
  };
}
