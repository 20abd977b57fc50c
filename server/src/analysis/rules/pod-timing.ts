/** pod-timing: activeDeadlineSeconds in 1..2147483647 (error) and a negative terminationGracePeriodSeconds (warning). */
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
    const deadline = spec.fields.activeDeadlineSeconds;
    // int64: `value` is set only for an integer; anything else fails decoding before validation (field-type-invalid's).
    const seconds = deadline?.value;
    if (deadline && seconds !== undefined && !(seconds >= 1 && seconds <= 2147483647)) {
      report({ message: `Invalid value: ${quote(deadline.written)}: must be between 1 and 2147483647, inclusive. The API server rejects the object.`, span: deadline.span, path: deadline.path });
    }
    const grace = spec.fields.terminationGracePeriodSeconds;
    // A fraction fails decoding before warnings.go runs (field-type-invalid's).
    if (grace && grace.value !== undefined && grace.value < 0) {
      report({ message: `must be >= 0; negative values are invalid and will be treated as 1`, span: grace.span, path: grace.path, severity: 'warning' });
    }
  },
};
