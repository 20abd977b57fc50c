/**
 * sleep-action-invalid: a `preStop` / `postStart` `sleep` (KEP-3960) whose seconds validation.go validateSleepAction
 * refuses: negative (or zero before PodLifecycleSleepActionAllowZero), or longer than terminationGracePeriodSeconds.
 */
import { isFeatureEnabled } from '../k8s/target';
import type { Rule } from './types';
import { quote } from './support/quote';

/** pkg/apis/core/v1/defaults.go: terminationGracePeriodSeconds defaults to 30. */
const DEFAULT_GRACE = 30;

export const sleepActionInvalid: Rule = {
  id: 'sleep-action-invalid',
  defaultSeverity: 'error',
  // Partly judges what the object lacks (a field set elsewhere, in the base a Kustomize patch applies to).
  judgesAbsence: true,
  title: 'Sleep hook outside 0..terminationGracePeriodSeconds',
  source:
    'pkg/apis/core/validation/validation.go validateSleepAction: `must be non-negative and less than terminationGracePeriodSeconds (30)`, or without PodLifecycleSleepActionAllowZero `must be greater than 0 and less than terminationGracePeriodSeconds (30). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`; gated by PodLifecycleSleepAction.',
  description:
    'A `sleep` lifecycle hook pauses the container for `seconds` before it stops (`preStop`) or after it starts (`postStart`). The API server rejects more seconds than the Pod\'s `terminationGracePeriodSeconds` (30 unless set) and negative seconds; zero is allowed from the PodLifecycleSleepActionAllowZero feature (beta in Kubernetes 1.33, GA in 1.34) and rejected before it. When the PodLifecycleSleepAction gate is off in the target the API server drops the sleep hook instead, and this rule is silent.',
  howToFix: 'Sleep at most terminationGracePeriodSeconds (or raise the grace period); use a positive number before Kubernetes 1.33.',
  consequence: 'The API server rejects the object.',
  check({ document, options, report }) {
    const spec = document.workload?.podSpec;
    if (!spec || !isFeatureEnabled(options.target, 'PodLifecycleSleepAction')) return;
    const graceField = spec.fields.terminationGracePeriodSeconds;
    // An invalid grace period (written, not null, not an integer: no int64 `value`) is reported elsewhere;
    // validateSleepAction then skips the check (gracePeriod nil).
    if (graceField && graceField.written !== undefined && graceField.written !== null && graceField.value === undefined) return;
    const grace = graceField?.value ?? DEFAULT_GRACE;
    const allowZero = isFeatureEnabled(options.target, 'PodLifecycleSleepActionAllowZero');
    // validateLifecycle runs for app containers and sidecars; regular init containers may not have a lifecycle at all.
    for (const c of [...spec.sidecars, ...spec.containers]) {
      const lifecycle = c.fields.lifecycle;
      for (const hook of ['postStart', 'preStop'] as const) {
        const seconds = lifecycle?.[hook]?.sleep?.seconds;
        // Only an integer is validated: a fraction fails decoding first (field-type-invalid's).
        if (seconds?.value === undefined) continue;
        const s = seconds.value;
        const tooShort = allowZero ? s < 0 : s <= 0;
        if (!tooShort && s <= grace) continue;
        const detail = allowZero
          ? `must be non-negative and less than terminationGracePeriodSeconds (${grace})`
          : `must be greater than 0 and less than terminationGracePeriodSeconds (${grace}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`;
        const problem = s > grace ? `A ${hook} sleep longer than the Pod's grace period of ${grace}s` : s === 0 ? `A ${hook} sleep of zero seconds, allowed only with PodLifecycleSleepActionAllowZero` : `A negative ${hook} sleep`;
        report({ message: `${problem} (\`Invalid value: ${quote(s)}: ${detail}\`).`, span: seconds.span, path: seconds.path });
      }
    }
  },
};
