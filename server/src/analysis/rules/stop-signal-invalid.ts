/**
 * stop-signal-invalid: a container's `lifecycle.stopSignal` (KEP-4960) as validation.go validateStopSignal checks it when
 * the ContainerStopSignals gate is on; with it off the API server drops the field silently (pkg/api/pod/util.go).
 */
import { isFeatureEnabled } from '../k8s/target';
import { catalogField } from '../schema/catalog';
import type { Rule } from './types';
import { notSupported } from './support/api-error';

/** validation.go supportedStopSignalsWindows; Linux's list is the schema's enum (field-value-unsupported). */
const WINDOWS_SIGNALS = ['SIGKILL', 'SIGTERM'];

export const stopSignalInvalid: Rule = {
  id: 'stop-signal-invalid',
  defaultSeverity: 'error',
  // Partly judges what the object lacks (a field set elsewhere, in the base a Kustomize patch applies to).
  judgesAbsence: true,
  title: 'stopSignal without spec.os.name, or not a Windows signal',
  source:
    'pkg/apis/core/validation/validation.go validateStopSignal (``Forbidden: may not be set for containers with empty `spec.os.name` ``; on Windows `Unsupported value … supported values: "SIGKILL", "SIGTERM"`), called by validateLifecycle for app containers and sidecars; gated by ContainerStopSignals.',
  description:
    '`lifecycle.stopSignal` chooses the signal that stops a container (the ContainerStopSignals feature, alpha from Kubernetes 1.33). The API server accepts it only in a Pod that names its OS in `spec.os.name`, and on Windows only `SIGKILL` or `SIGTERM`. When the gate is off in the target the API server drops the field instead, and this rule is silent.',
  howToFix: 'Set `spec.os.name` (linux or windows) in the Pod, and use SIGTERM or SIGKILL on Windows.',
  consequence: 'The API server rejects the object.',
  check({ document, options, report }) {
    const spec = document.workload?.podSpec;
    if (!spec || !isFeatureEnabled(options.target, 'ContainerStopSignals')) return;
    const os = spec.fields.os?.name?.written;
    // Values outside the schema's list (Linux's signals) are field-value-unsupported's: one finding per problem.
    const known = new Set(catalogField('V1Lifecycle', 'stopSignal')?.e ?? []);
    // Regular init and ephemeral containers may not have a lifecycle at all: other rules say so.
    for (const c of [...spec.sidecars, ...spec.containers]) {
      const signal = c.fields.lifecycle?.stopSignal;
      if (!signal || signal.written === null) continue;
      if (os === undefined || os === null || os === '') {
        report({ message: 'A stopSignal in a Pod that does not name its OS (`Forbidden: may not be set for containers with empty `spec.os.name``).', span: signal.keySpan, path: signal.path });
      } else if (os === 'windows' && known.has(String(signal.written)) && !WINDOWS_SIGNALS.includes(String(signal.written))) {
        report({ message: `A stop signal Windows does not have (\`${notSupported(signal.written, WINDOWS_SIGNALS)}\`).`, span: signal.span, path: signal.path });
      }
    }
  },
};
