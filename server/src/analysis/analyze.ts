/** Runs the rule table over a model: per document, with the user's severities and ignore comments applied. */
import type { ManifestDocument, ManifestModel } from './model/manifest';
import type { Span } from './model/span';
import type { AnalysisOptions } from './options';
import { boundMessage, limitFindings } from './finding-limit';
import { IgnoreComments } from './rules/ignore-comments';
import { isOnTemplateLine } from './model/go-template';
import { optionsForFile } from './k8s/file-target';
import { mergedFindings } from './kustomize/merged-findings';
import { inlinePatchFindings } from './kustomize/inline-patches';
import { isJsonPatch } from './kustomize/json-patch';
import { RULES } from './rules/index';
import { documentViewsFor, inCustomResource } from './rules/workload-scope';
import type { Finding, Fix, Rule, Severity } from './rules/types';
import { isKustomizePatch } from './kustomize/patch-workload';

export interface AnalysisResult {
  findings: Finding[];
  /** Rules that threw: reported to the log, never to the user as a crash. */
  failures: Array<{ rule: string; document: number; error: unknown }>;
}

/** The severity a rule runs at under these options, or undefined when it is off. */
function effectiveSeverity(rule: Rule, options: AnalysisOptions): Severity | undefined {
  const setting = options.rules?.[rule.id];
  if (setting === 'off') return undefined;
  if (setting) return setting;
  return rule.enabledByDefault === false ? undefined : rule.defaultSeverity;
}

function shiftSpan(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

function shiftFix(fix: Fix, by: number): Fix {
  return {
    ...fix,
    edits: fix.edits?.map((e) => ({ ...e, span: shiftSpan(e.span, by) })),
    deferred: fix.deferred ? { ...fix.deferred, span: shiftSpan(fix.deferred.span, by) } : undefined,
  };
}

function withConsequence(message: string, consequence: string | undefined): string {
  return consequence ? `${message.replace(/[.\s]+$/, '')}. ${consequence}` : message;
}

/** Findings of one document in LOCAL coordinates (relative to its chunk). */
function analyzeDocument(
  model: ManifestModel,
  document: ManifestDocument,
  options: AnalysisOptions,
  failures: AnalysisResult['failures'] = [],
  rules: readonly Rule[] = RULES,
): Finding[] {
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

/**
 * The options a document-scoped rule sees, which are also its cache key: everything but the per-run inputs that
 * change without the document changing (the workspace index). Rules that need them declare another `scope`.
 */
function cachedOptions(options: AnalysisOptions): AnalysisOptions {
  const { workspace: _perRun, ...rest } = options;
  return rest;
}

/** Findings of unchanged documents, reused across versions of a file (keyed by the parsed document). */
export type FindingsCache = WeakMap<object, { optionsKey: string; findings: Finding[] }>;

export function createFindingsCache(): FindingsCache {
  return new WeakMap();
}

/** Document-scoped rules' findings come from the cache when the document and the options are unchanged. */
function documentFindings(
  model: ManifestModel,
  document: ManifestDocument,
  { options, documentOptions }: { options: AnalysisOptions; documentOptions: AnalysisOptions },
  failures: AnalysisResult['failures'],
  rules: { local: readonly Rule[]; fileScoped: readonly Rule[] },
  cache: FindingsCache | undefined,
  optionsKey: string,
): Finding[] {
  const { local, fileScoped } = rules;
  let own: Finding[];
  const hit = cache?.get(document.doc);
  if (hit && hit.optionsKey === optionsKey) own = hit.findings;
  else {
    const before = failures.length;
    own = analyzeDocument(model, document, documentOptions, failures, local);
    // A rule that threw is retried next time rather than cached as "no findings".
    if (failures.length === before) cache?.set(document.doc, { optionsKey, findings: own });
  }
  return fileScoped.length ? [...own, ...analyzeDocument(model, document, options, failures, fileScoped)] : own;
}

export function analyze(
  model: ManifestModel,
  options: AnalysisOptions = {},
  rules: readonly Rule[] = RULES,
  cache?: FindingsCache,
): AnalysisResult {
  // A file may pin its own Kubernetes version: every rule of the file sees that target (and the cache key has it).
  options = optionsForFile(model.text, options);
  const failures: AnalysisResult['failures'] = [];
  const ignores = new IgnoreComments(model.text);
  const findings: Finding[] = [];
  // Document-scoped rules see exactly what keys their cached findings: a rule that reads the workspace without
  // declaring `scope: 'workspace'` finds it absent on every path (tests, CLI, editor), never stale in the editor only.
  const documentOptions = cachedOptions(options);
  const optionsKey = cache ? JSON.stringify(documentOptions) : '';
  // Document-scoped findings can be reused while a document is unchanged; the others are computed every time.
  const byScope = { local: rules.filter((r) => (r.scope ?? 'document') === 'document'), fileScoped: rules.filter((r) => (r.scope ?? 'document') !== 'document') };
  for (const document of model.documents) {
    // A JSON 6902 patch a kustomization applies is a list, yet kustomize-patch-failed has something to say of it.
    if (isInert(document) && !(isKustomizePatch(options) && isJsonPatch(document.value))) continue;
    const own = documentFindings(model, document, { options, documentOptions }, failures, byScope, cache, optionsKey);
    const shown: Finding[] = [];
    for (const local of quietTemplates(document, own, rules)) {
      const f: Finding = {
        ...local,
        span: clampSpan(shiftSpan(local.span, document.offset), model.text.length),
        fixes: local.fixes?.map((fix) => shiftFix(fix, document.offset)),
      };
      if (!ignores.isIgnored(f.rule, f.span.start)) shown.push(f);
    }
    // The note goes where the document's content starts, so it is visible next to the first findings.
    for (const f of limitFindings(shown, clampSpan(shiftSpan(document.span, document.offset), model.text.length).start)) findings.push(f);
  }
  // A Kustomize patch is also checked as the object it makes: merged onto its base, findings on what the patch sets.
  // A kustomization's inline patches are checked as patches.
  const extras: Array<[string, () => Finding[]]> = [
    ['kustomize-merge', () => mergedFindings(model, options, findings, (merged, o) => analyze(merged, o, rules).findings)],
    ['kustomize-inline-patches', () => inlinePatchFindings(model, options, (patch, o) => analyze(patch, o, rules).findings)],
  ];
  for (const [name, extra] of extras) {
    try {
      for (const f of extra()) if (!ignores.isIgnored(f.rule, f.span.start)) findings.push(f);
    } catch (error) {
      // Reported to the log like a rule that threw; the file's own findings stand.
      failures.push({ rule: name, document: -1, error });
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule));
  return { findings, failures };
}

/**
 * A document no rule can say anything about: no mapping at its root (empty, a scalar or a list), and nothing the
 * parser complained of. Skipping these keeps a file of a million `---` lines as cheap as its parse.
 */
function isInert(document: ManifestDocument): boolean {
  return !document.root && document.syntaxErrors.length === 0 && document.duplicateKeys.length === 0 && !document.isGoTemplate;
}

function clampSpan(span: Span, length: number): Span {
  const start = Math.max(0, Math.min(span.start, length));
  return { start, end: Math.max(start, Math.min(span.end, length)) };
}

/**
 * In a Go template, a document that does not parse is template code, and a line with `{{ }}` is not what Kubernetes
 * will see: findings there would be false alarms. Only rules that speak of the template code itself stay.
 */
function quietTemplates(document: ManifestDocument, findings: Finding[], rules: readonly Rule[]): Finding[] {
  if (!document.isGoTemplate) return findings;
  const speaks = new Set(rules.filter((r) => r.speaksOfTemplateCode).map((r) => r.id));
  if (document.syntaxErrors.length > 0) return findings.filter((f) => speaks.has(f.rule));
  return findings.filter((f) => speaks.has(f.rule) || !isOnTemplateLine(document.text, f.span));
}
