/**
 * In a Go template, a document that does not parse is template code, and a line with `{{ }}` is not what Kubernetes
 * will see: findings there would be false alarms. Only rules that speak of the template code itself stay.
 */
import { isOnTemplateLine } from '../model/go-template';
import type { ManifestDocument } from '../model/manifest';
import type { Finding, Rule } from '../rules/types';

export function quietTemplates(document: ManifestDocument, findings: Finding[], rules: readonly Rule[]): Finding[] {
  if (!document.isGoTemplate) return findings;
  const speaks = new Set(rules.filter((r) => r.speaksOfTemplateCode).map((r) => r.id));
  if (document.syntaxErrors.length > 0) return findings.filter((f) => speaks.has(f.rule));
  return findings.filter((f) => speaks.has(f.rule) || !isOnTemplateLine(document.text, f.span));
}
