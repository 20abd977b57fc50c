/** host-network-fields: hostIP without hostPort, and duplicate hostAliases IPs (API warnings of warnings.go). */
import type { Rule } from './types';
import { quote } from './support/quote';

export const hostNetworkFields: Rule = {
  id: 'host-network-fields',
  defaultSeverity: 'warning',
  title: 'hostIP without hostPort, or a repeated host alias IP',
  source: 'pkg/api/pod/warnings.go: `spec.containers[0].ports[0]: hostIP set without hostPort: {…}` and `spec.hostAliases[1].ip: duplicate ip "10.0.0.1"`.',
  description: 'A port with `hostIP` but no `hostPort` (the host IP is then ignored), or two `hostAliases` entries for the same IP (their hostnames should be listed under one entry). The API server warns.',
  howToFix: 'Add the `hostPort` or remove `hostIP`; merge host aliases of one IP.',
  consequence: 'The API server accepts it and returns this as a warning.',
  check({ document, report }) {
    const spec = document.workload?.podSpec;
    if (!spec) return;
    for (const c of spec.all) {
      for (const port of c.fields.ports) {
        const hostIP = port.hostIP;
        // warnings.go tests `HostPort == 0`: a hostPort of the wrong type (`"80"`) is written, so no warning here.
        const hostPort = port.hostPort?.written;
        if (hostIP?.value !== undefined && hostIP.value !== '' && (hostPort === undefined || hostPort === 0)) {
          report({ message: `hostIP set without hostPort: the host IP is ignored`, span: hostIP.keySpan, path: port.$path });
        }
      }
    }
    const seen = new Set<string>();
    for (const alias of spec.fields.hostAliases) {
      const ip = alias.ip;
      if (ip?.value === undefined) continue;
      if (seen.has(ip.value)) report({ message: `duplicate ip ${quote(ip.value)}`, span: ip.span, path: ip.path });
      seen.add(ip.value);
    }
  },
};
