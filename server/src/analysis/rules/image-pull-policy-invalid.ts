/** image-pull-policy-invalid: a pull policy other than Always, IfNotPresent or Never (case-sensitive). */
import { isScalar } from 'yaml';
import { quoteOf } from '../model/node-view';
import { nearestPullPolicy, PULL_POLICIES } from '../k8s/pull-policy';
import type { Rule } from './types';
import { quote } from './support/quote';

export const imagePullPolicyInvalid: Rule = {
  id: 'image-pull-policy-invalid',
  defaultSeverity: 'error',
  title: 'Unsupported imagePullPolicy',
  source:
    'validation.go validatePullPolicy: `Unsupported value: "always": supported values: "Always", "IfNotPresent", "Never"` (exact, case-sensitive).',
  description:
    'An `imagePullPolicy` that is not exactly `Always`, `IfNotPresent` or `Never`. The API server rejects the object. The match is case-sensitive: `always` and `ifNotPresent` are rejected too.',
  howToFix: 'Use one of `Always`, `IfNotPresent`, `Never`; the quick fix offers the nearest one.',
  check({ document, report }) {
    for (const c of document.workload?.podSpec.all ?? []) {
      const field = c.fields.imagePullPolicy;
      if (!field || field.node === null) continue;
      const value = field.value;
      // An empty value is treated as unset and defaulted before validation.
      if (value === '' || (value !== undefined && (PULL_POLICIES as readonly string[]).includes(value))) continue;
      // A number or a mapping is no policy either: said as written.
      const shown = value !== undefined ? quote(value) : isScalar(field.node) ? String(field.written) : 'a non-string value';
      // Near misses are at most two edits from a 12-letter word: longer values are not compared (the cost grows with length).
      const nearest = value !== undefined && value.length <= 16 ? nearestPullPolicy(value) : undefined;
      const mark = quoteOf(field.node);
      report({
        message: `Unsupported value: ${shown}: supported values: "Always", "IfNotPresent", "Never". The API server rejects the object${nearest ? `; did you mean ${nearest}?` : '.'}`,
        span: field.span,
        path: field.path,
        fixes: nearest
          ? [{ title: `Change to ${nearest}`, kind: 'quickfix', isPreferred: true, edits: [{ span: field.span, newText: `${mark}${nearest}${mark}` }] }]
          : PULL_POLICIES.map((p) => ({ title: `Change to ${p}`, kind: 'quickfix' as const, edits: [{ span: field.span, newText: `${mark}${p}${mark}` }] })),
      });
    }
  },
};
