/** port-invalid: containerPort and hostPort in 1–65535, protocol exactly TCP, UDP or SCTP. */
import { quoteOf } from '../model/node-view';
import { fieldPath } from '../model/node-view';
import { portsOf } from './support/ports';
import type { Rule } from './types';
import { quote } from './support/quote';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const RANGE = 'must be between 1 and 65535, inclusive';

export const portInvalid: Rule = {
  id: 'port-invalid',
  defaultSeverity: 'error',
  title: 'Invalid container port, host port or protocol',
  source:
    'validation.go validateContainerPorts: containerPort `Required value` / `Invalid value: must be between 1 and 65535, inclusive`; hostPort the same when non-zero; protocol `Unsupported value: supported values: "SCTP", "TCP", "UDP"`.',
  description: 'A `containerPort` missing, zero or out of range, a `hostPort` out of range, or a `protocol` other than exactly `TCP`, `UDP` or `SCTP` (case-sensitive). The API server rejects the object.',
  howToFix: 'Use a port number from 1 to 65535 and an upper-case protocol; the quick fix corrects the protocol\'s case.',
  consequence: 'The API server rejects the object.',
  check({ document, report }) {
    const spec = document.workload?.podSpec;
    if (!spec) return;
    for (const p of portsOf(spec)) {
      const cp = p.fields.containerPort;
      if (!cp || cp.written === null || cp.written === 0) {
        report({ message: `Required value: every port entry needs a containerPort.`, span: cp?.keySpan ?? p.fields.$span, path: fieldPath(p.path, 'containerPort') });
      } else if (Number.isInteger(cp.written) && (p.containerPort === undefined || p.containerPort < 1 || p.containerPort > 65535)) {
        // Only what decodes is validated: a string or a fraction is a decoding error, which rejects the object before
        // validation runs (field-type-invalid says it in the decoder's words).
        report({ message: `Invalid value: ${quote(cp.written)}: ${RANGE}`, span: cp.span, path: cp.path });
      }
      const hp = p.fields.hostPort;
      // A fractional host port fails decoding first (field-type-invalid's).
      if (hp && typeof hp.written === 'number' && Number.isInteger(hp.written) && hp.written !== 0 && (hp.written < 1 || hp.written > 65535)) {
        report({ message: `Invalid value: ${quote(hp.written)}: ${RANGE}`, span: hp.span, path: hp.path });
      }
      const proto = p.fields.protocol;
      if (proto && proto.written !== null && !(proto.value !== undefined && PROTOCOLS.includes(proto.value))) {
        const upper = proto.value?.toUpperCase() ?? '';
        const mark = quoteOf(proto.node);
        report({
          message: `Unsupported value: ${quote(proto.written)}: supported values: "SCTP", "TCP", "UDP"`,
          span: proto.span,
          path: proto.path,
          fixes: PROTOCOLS.includes(upper) ? [{ title: `Change to ${upper}`, kind: 'quickfix', isPreferred: true, edits: [{ span: proto.span, newText: `${mark}${upper}${mark}` }] }] : undefined,
        });
      }
    }
  },
};
