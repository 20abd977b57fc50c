/** probe-invalid: exactly one handler, successThreshold 1 for liveness and startup probes, no readiness grace period. */
import type { Rule } from './types';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
/** A handler counts when its key is written, whatever its value. */
const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;

export const probeInvalid: Rule = {
  id: 'probe-invalid',
  defaultSeverity: 'error',
  title: 'Invalid probe',
  source:
    'validation.go validateProbe / validateHandler: `Required value: must specify a handler type`, `Forbidden: may not specify more than 1 handler type`; liveness/startup successThreshold `must be 1`; readiness terminationGracePeriodSeconds `must not be set for readinessProbes`; `must be greater than or equal to 0`.',
  description:
    'A probe must name exactly one handler (`exec`, `httpGet`, `tcpSocket` or `grpc`); liveness and startup probes need `successThreshold: 1`; a readiness probe cannot set `terminationGracePeriodSeconds`; counts and seconds cannot be negative. This applies to app containers and sidecars alike (regular init containers may not have probes at all).',
  howToFix: 'Keep one handler and valid thresholds.',
  consequence: 'The API server rejects the object.',
  check({ document, report }) {
    for (const c of document.workload?.podSpec.all ?? []) {
      if (c.type === 'init' || c.type === 'ephemeral') continue;
      for (const key of PROBES) {
        const probe = c.fields[key];
        if (!probe) continue;
        // validateHandler counts the handlers that are non-nil: one written `null` is not set.
        const handlers = HANDLERS.filter((h) => probe.$isSet(h));
        const probeKey = c.fields.$entry(key)!.keySpan;
        if (handlers.length === 0) report({ message: `Required value: must specify a handler type`, span: probeKey, path: probe.$path });
        if (handlers.length > 1) report({ message: `Forbidden: may not specify more than 1 handler type`, span: probe.$entry(handlers[1]!)!.keySpan, path: probe.$path });
        // Only integers are validated: a fraction fails decoding first (field-type-invalid's).
        const success = probe.successThreshold;
        if (key !== 'readinessProbe' && success?.value !== undefined && success.value !== 1) {
          report({ message: `Invalid value: ${success.value}: must be 1`, span: success.span, path: success.path });
        }
        const grace = probe.terminationGracePeriodSeconds;
        if (key === 'readinessProbe' && grace && probe.$isSet('terminationGracePeriodSeconds')) report({ message: `Invalid value: must not be set for readinessProbes`, span: grace.keySpan, path: grace.path });
        for (const f of [probe.initialDelaySeconds, probe.timeoutSeconds, probe.periodSeconds, probe.successThreshold, probe.failureThreshold]) {
          if (f?.value !== undefined && f.value < 0) report({ message: `Invalid value: ${f.value}: must be greater than or equal to 0`, span: f.span, path: f.path });
        }
      }
    }
  },
};
