/** yaml-duplicate-key: a mapping key written twice; YAML forbids it and clients disagree on what happens. */
import type { Rule } from './types';
import { quote } from './support/quote';

export const yamlDuplicateKey: Rule = {
  id: 'yaml-duplicate-key',
  defaultSeverity: 'warning',
  title: 'Duplicate mapping key',
  source:
    'YAML 1.2 requires unique keys. kubectl apply --validate=strict (the default) rejects duplicate fields when the server does field validation; with --validate=ignore and in older clients the last value silently wins (kubernetes/kubernetes#89303).',
  description:
    'The same key twice in one mapping. YAML forbids it; `kubectl apply` with its default strict validation rejects the object, and where validation is off only the last value survives, silently dropping the first.',
  howToFix: 'Remove one of the two keys, or merge their contents.',
  check({ document, report }) {
    if (document.isTemplated) return;
    for (const d of document.duplicateKeys) {
      const key = d.key.replace(/^["']|["']$/g, '');
      report({
        message: `Duplicate key ${quote(key)}: kubectl apply rejects it under strict validation (the default); elsewhere only this last value is kept and the earlier one is silently dropped.`,
        span: d.span,
      });
    }
  },
};
