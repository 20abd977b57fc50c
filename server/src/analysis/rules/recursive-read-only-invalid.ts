/**
 * recursive-read-only-invalid: a volume mount's `recursiveReadOnly` (KEP-3857) as validation.go
 * validateMountRecursiveReadOnly checks it when RecursiveReadOnlyMounts is on; off, the API server drops the field.
 */
import { isFeatureEnabled } from '../k8s/target';
import type { Rule } from './types';
import { notSupported } from './support/api-error';

const VALUES = ['Disabled', 'Enabled', 'IfPossible'];

export const recursiveReadOnlyInvalid: Rule = {
  id: 'recursive-read-only-invalid',
  defaultSeverity: 'error',
  // Partly judges what the object lacks (a field set elsewhere, in the base a Kustomize patch applies to).
  judgesAbsence: true,
  title: 'recursiveReadOnly on a writable or propagating mount',
  source:
    'pkg/apis/core/validation/validation.go validateMountRecursiveReadOnly: `Forbidden: may only be specified when readOnly is true`, `Forbidden: may only be specified when mountPropagation is None or not specified`, `Unsupported value … supported values: "Disabled", "Enabled", "IfPossible"`; gated by RecursiveReadOnlyMounts.',
  description:
    '`recursiveReadOnly: Enabled` (or `IfPossible`) makes a read-only mount read-only all the way down, sub-mounts included (the RecursiveReadOnlyMounts feature, GA from Kubernetes 1.33). The API server accepts it only on a mount with `readOnly: true` and without mount propagation (`mountPropagation` unset or `None`), and only the values Disabled, Enabled and IfPossible. When the gate is off in the target the API server drops the field instead, and this rule is silent.',
  howToFix: 'Add `readOnly: true` and drop `mountPropagation` (or set it to None), or remove `recursiveReadOnly`.',
  consequence: 'The API server rejects the object.',
  check({ document, options, report }) {
    const spec = document.workload?.podSpec;
    if (!spec || !isFeatureEnabled(options.target, 'RecursiveReadOnlyMounts')) return;
    for (const c of spec.all) {
      for (const mount of c.fields.volumeMounts) {
        const rro = mount.recursiveReadOnly;
        if (!rro || rro.written === null || rro.written === 'Disabled') continue;
        if (!VALUES.includes(String(rro.written))) {
          report({ message: `An unknown recursiveReadOnly mode (\`${notSupported(rro.written, VALUES)}\`).`, span: rro.span, path: rro.path });
          continue;
        }
        if (mount.readOnly?.value !== true) {
          report({ message: `A recursively read-only mount that is not read-only (\`Forbidden: may only be specified when readOnly is true\`).`, span: rro.keySpan, path: rro.path });
        }
        // Any value written but None (or null) propagates; a mistyped one too.
        const propagation = mount.mountPropagation?.written;
        if (propagation !== undefined && propagation !== null && propagation !== 'None') {
          report({ message: `A recursively read-only mount with mount propagation (\`Forbidden: may only be specified when mountPropagation is None or not specified\`).`, span: rro.keySpan, path: rro.path });
        }
      }
    }
  },
};
