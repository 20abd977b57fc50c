/** resource-request-exceeds-limit: a request above its limit (or unequal, for extended resources and hugepages). */
import { compare, formatQuantity, type Quantity } from '../k8s/quantity';
import { resourceEntries } from './support/resource-maps';
import type { Rule } from './types';
import { quote } from './support/quote';

function isStandard(name: string): boolean {
  return name === 'cpu' || name === 'memory' || name === 'ephemeral-storage' || name.startsWith('hugepages-');
}

export const resourceRequestExceedsLimit: Rule = {
  id: 'resource-request-exceeds-limit',
  defaultSeverity: 'error',
  title: 'Request larger than limit',
  source:
    'validation.go ValidateContainerResourceRequirements: at `resources.requests`: `Invalid value: "2": must be less than or equal to cpu limit of 1`; for non-overcommitable resources `must be equal to <res> limit of <lim>`.',
  description: 'A container requests more of a resource than its limit allows; for extended resources and hugepages the request must equal the limit. The API server rejects the object (and reports it at `resources.requests`).',
  howToFix: 'Lower the request or raise the limit.',
  consequence: 'The API server rejects the object.',
  check({ document, report }) {
    const spec = document.workload?.podSpec;
    if (!spec) return;
    const entries = resourceEntries(spec);
    for (const req of entries.filter((e) => e.which === 'requests')) {
      const lim = entries.find((e) => e.which === 'limits' && e.container === req.container && e.resource === req.resource);
      if (!lim || 'error' in req.quantity || 'error' in lim.quantity) continue;
      const r = req.quantity as Quantity;
      const l = lim.quantity as Quantity;
      const overcommitable = isStandard(req.resource) && !req.resource.startsWith('hugepages-');
      const bad = overcommitable ? compare(r, l) > 0 : compare(r, l) !== 0;
      if (!bad) continue;
      const path = req.mapPath;
      report({
        message: `Invalid value: ${quote(formatQuantity(r))}: must be ${overcommitable ? 'less than or equal to' : 'equal to'} ${req.resource} limit of ${formatQuantity(l)}`,
        span: req.field.span,
        path,
      });
    }
  },
};
