/** pod-timing: activeDeadlineSeconds in 1..2147483647 (error) and a negative terminationGracePeriodSeconds (warning). */
import { fieldPath } from '../model/node-view';
import type { Rule } from './types';
import { quote } from './support/quote';

export const podTiming: Rule = {
  id: 'pod-timing',
  defaultSeverity: 'error',
  title: 'Invalid activeDeadlineSeconds or negative grace period',
  source:
    'validation.go validatePodSpec: activeDeadlineSeconds `Invalid value: must be between 1 and 2147483647, inclusive`; warnings.go: `spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1`.',
  description:
    '`activeDeadlineSeconds` must be a positive number of seconds (it counts from the Pod\'s start, init containers included, then the Pod is failed). A negative `terminationGracePeriodSeconds` draws an API warning and is treated as 1 second.',
  howToFix: 'Use a positive deadline; use 0 or more seconds for the grace period.',
  check({ document, report }) {
    const spec = document.workload?.podSpec;
    if (!spec) return;
    const deadline = spec.view.get('activeDeadlineSeconds');
    if (deadline && deadline.value !== null && !(typeof deadline.value === 'number' && Number.isInteger(deadline.value) && deadline.value >= 1 && deadline.value <= 2147483647)) {
      const path = fieldPath(spec.path, 'activeDeadlineSeconds');
      report({ message: `Invalid value: ${quote(deadline.value)}: must be between 1 and 2147483647, inclusive. The API server rejects the object.`, span: deadline.span, path });
    }
    const grace = spec.view.get('terminationGracePeriodSeconds');
    if (grace && typeof grace.value === 'number' && grace.value < 0) {
      const path = fieldPath(spec.path, 'terminationGracePeriodSeconds');
      report({ message: `must be >= 0; negative values are invalid and will be treated as 1`, span: grace.span, path, severity: 'warning' });
    }
  },
};
