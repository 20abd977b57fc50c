/** host-port-conflict: the same hostPort, protocol and hostIP twice among the app containers (or in one init container). */
import { portsOf, type PortEntry } from './support/ports';
import type { Rule } from './types';
import { quote } from './support/quote';

export const hostPortConflict: Rule = {
  id: 'host-port-conflict',
  defaultSeverity: 'error',
  title: 'Host port used twice',
  source: 'validation.go AccumulateUniqueHostPorts: key protocol/hostIP/hostPort over the regular containers (each init container on its own): `Duplicate value` at the later `hostPort`.',
  description: 'Two ports of the app containers (or of one init container) ask for the same `hostPort` with the same protocol and host IP. A node can give it only once; the API server rejects the object.',
  howToFix: 'Use different host ports, or drop `hostPort` (a Service is usually the better way to expose a port).',
  check({ document, report }) {
    const spec = document.workload?.podSpec;
    if (!spec) return;
    const groups: PortEntry[][] = [portsOf(spec, spec.containers), ...spec.initContainers.map((c) => portsOf(spec, [c]))];
    for (const group of groups) {
      const seen = new Map<string, string>();
      for (const p of group) {
        if (p.hostPort === 0) continue;
        const key = `${p.protocol}/${p.hostIP}/${p.hostPort}`;
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, p.path);
          continue;
        }
        // A hostPort other than 0 was read from this port's written integer.
        const field = p.container.fields.ports.find((port) => port.$path === p.path)!.hostPort!;
        report({ message: `Duplicate value: ${quote(key)}: ${first} takes this host port already; the API server rejects the object.`, span: field.span, path: field.path });
      }
    }
  },
};
