/** resource-quantity-invalid: a request or limit that is not a Kubernetes quantity, or negative. */
import { resourceEntries } from './support/resource-maps';
import type { Rule } from './types';
import { quote } from './support/quote';

export const resourceQuantityInvalid: Rule = {
  id: 'resource-quantity-invalid',
  defaultSeverity: 'error',
  title: 'Invalid resource quantity',
  source:
    'apimachinery resource.ParseQuantity: `quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'`; validation.go ValidateResourceQuantityValue: `must be greater than or equal to 0`.',
  description: 'A value under `resources.requests` or `resources.limits` that Kubernetes cannot read as a quantity (`1.5Gb`, `500 m`, `1,5`) or that is negative. kubectl and the API server reject the object.',
  howToFix: 'Write quantities like `250m`, `0.5`, `128Mi`, `1Gi`, `2e3` — binary suffixes Ki, Mi, Gi…; decimal k, M, G…; `m` is milli.',
  consequence: 'The API server rejects the object.',
  check({ document, report }) {
    const spec = document.workload?.podSpec;
    if (!spec) return;
    for (const e of resourceEntries(spec)) {
      if ('error' in e.quantity) {
        report({ message: `Invalid value: ${quote(e.field.written)}: ${e.quantity.error}`, span: e.field.span, path: e.field.path });
      } else if (e.quantity.num < 0n) {
        report({ message: `Invalid value: ${quote(e.field.written)}: must be greater than or equal to 0`, span: e.field.span, path: e.field.path });
      }
    }
  },
};
