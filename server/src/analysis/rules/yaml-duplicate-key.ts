/** yaml-duplicate-key: a mapping key written twice; YAML forbids it and clients disagree on what happens. */
import { isScalar, visit } from 'yaml';
import type { Rule } from './types';

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
    visit(document.doc, {
      Map(_key, map) {
        const seen = new Map<unknown, number>();
        for (const pair of map.items) {
          if (!isScalar(pair.key)) continue;
          const key = pair.key.value;
          const first = seen.get(key);
          if (first === undefined) {
            seen.set(key, pair.key.range?.[0] ?? 0);
            continue;
          }
          const range = pair.key.range ?? [0, 0];
          report({
            message: `Duplicate key "${String(key)}": kubectl apply rejects it under strict validation (the default); elsewhere only this last value is kept and the earlier one is silently dropped.`,
            span: { start: range[0], end: range[1] },
            data: { firstAt: first },
          });
        }
      },
    });
  },
};
