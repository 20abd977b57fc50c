/** port-duplicate: the same containerPort/protocol twice in one Pod, the API server's warning (warnings.go). */
import { portsOf, type PortEntry } from './support/ports';
import { excerpt, quote } from './support/quote';
import type { Rule } from './types';

/** warnings.go: which of the three port warnings two entries with the same containerPort/protocol give. */
function kind(a: PortEntry, b: PortEntry): string | undefined {
  if (a.hostIP === b.hostIP && a.hostPort === b.hostPort) return 'duplicate port definition';
  if (a.hostPort === 0 || b.hostPort === 0) return 'overlapping port definition';
  if (a.hostPort === b.hostPort && (a.hostIP === '') !== (b.hostIP === '')) return 'dangerously ambiguous port definition';
  return undefined;
}

export const portDuplicate: Rule = {
  id: 'port-duplicate',
  defaultSeverity: 'warning',
  title: 'The same port declared twice in a Pod',
  source:
    'pkg/api/pod/warnings.go: `<path>: duplicate port definition with <other>`, `overlapping port definition`, `dangerously ambiguous port definition` (all containers, init and ephemeral included).',
  description:
    'Two port entries with the same `containerPort` and protocol in one Pod. All containers of a Pod share one network namespace, so only one process can bind that port; the other container fails to listen. The API server accepts the object and returns a warning.',
  howToFix: 'Give each container its own port, or remove the duplicate entry.',
  check({ document, report }) {
    const spec = document.workload?.podSpec;
    if (!spec) return;
    const ports = portsOf(spec).filter((p) => p.containerPort !== undefined);
    // warnings.go compares every pair; one finding per later entry, naming the first it clashes with, keeps the
    // output linear when thousands of containers share a port.
    const byPort = new Map<string, PortEntry[]>();
    for (const p of ports) {
      const key = `${p.containerPort}/${p.protocol}`;
      const earlier = byPort.get(key);
      if (!earlier) {
        byPort.set(key, [p]);
        continue;
      }
      for (const first of earlier) {
        const what = kind(p, first);
        if (!what) continue;
        const field = p.fields.containerPort!;
        const port = `${p.containerPort}/${excerpt(p.protocol)}`;
        const name = (c: PortEntry['container']) => (c.name === undefined ? 'a container without a name' : `container ${quote(c.name)}`);
        // The flagged entry's own container first, then the one that declared the port before it.
        const problem =
          first.container === p.container
            ? `Port ${port} is declared twice in ${name(p.container)} (first at ${first.path})`
            : `Port ${port} of ${name(p.container)} is already declared by ${name(first.container)} (${first.path}): containers of a Pod share one network namespace, so only one of them can bind it`;
        report({ message: `${problem}; the API server warns: ${what} with ${first.path}`, span: field.span, path: p.path });
        break;
      }
      earlier.push(p);
    }
  },
};
