/** resource-fractional-bytes: memory or ephemeral-storage with a fraction of a byte (`4m` = 0.004 bytes). */
import { isInteger, type Quantity } from '../k8s/quantity';
import { resourceEntries } from './support/resource-maps';
import type { Rule } from './types';
import { quote } from './support/quote';

export const resourceFractionalBytes: Rule = {
  id: 'resource-fractional-bytes',
  defaultSeverity: 'warning',
  title: 'Fractional bytes of memory or storage',
  source: 'pkg/api/pod/warnings.go: `spec.containers[0].resources.limits[memory]: fractional byte value "4m" is invalid, must be an integer`.',
  description: 'A memory or ephemeral-storage value that is not a whole number of bytes, usually `m` (milli) written for `Mi` or `M`: `128m` is 0.128 bytes. The API server warns; the value is then rounded and almost certainly not what was meant.',
  howToFix: 'Use `Mi` (mebibytes) or `M` (megabytes): `128Mi`.',
  consequence: 'The API server warns; the value is not a whole number of bytes.',
  check({ document, report }) {
    const spec = document.workload?.podSpec;
    if (!spec) return;
    for (const e of resourceEntries(spec)) {
      if (e.resource !== 'memory' && e.resource !== 'ephemeral-storage') continue;
      if ('error' in e.quantity || isInteger(e.quantity as Quantity)) continue;
      const text = String(e.field.written);
      const fix = /^\d+m$/.test(text) ? [{ title: `Change to ${text.slice(0, -1)}Mi`, kind: 'quickfix' as const, isPreferred: true, edits: [{ span: e.field.span, newText: `${text.slice(0, -1)}Mi` }] }] : undefined;
      report({ message: `fractional byte value ${quote(text)} is invalid, must be an integer`, span: e.field.span, path: e.field.path, fixes: fix });
    }
  },
};
