/** probe-port-undeclared: a probe or lifecycle handler names a port the container does not declare. */
import type { Rule } from './types';
import { quote } from './support/quote';

export const probePortUndeclared: Rule = {
  id: 'probe-port-undeclared',
  defaultSeverity: 'warning',
  judgesAbsence: true,
  title: 'Probe uses an undeclared named port',
  source:
    'kubelet prober (pkg/kubelet/prober): a named port is looked up in the container\'s ports (FindPortByName); when it is missing the probe fails with `couldn\'t find port`, so liveness failures restart the container.',
  description:
    'An `httpGet`, `tcpSocket` or `grpc` probe or lifecycle handler refers to a port by name, but the container declares no port of that name. The API server accepts it; the kubelet cannot resolve it, the probe fails every time, and a failing liveness probe keeps restarting the container.',
  howToFix: 'Declare the port with that `name` under the container\'s `ports`, or use the port number.',
  check({ document, report }) {
    for (const c of document.workload?.podSpec.all ?? []) {
      const f = c.fields;
      const names = new Set(f.ports.map((p) => p.name?.value).filter((n) => n !== undefined));
      const handlers = [f.livenessProbe, f.readinessProbe, f.startupProbe, f.lifecycle?.postStart, f.lifecycle?.preStop];
      for (const port of handlers.flatMap((h) => [h?.httpGet?.port, h?.tcpSocket?.port])) {
        const value = port?.value;
        if (!port || typeof value !== 'string' || /^\d+$/.test(value) || names.has(value)) continue;
        report({ message: `port ${quote(value)} is not a port name of container ${c.name ?? ''}: the kubelet cannot resolve it and the probe always fails.`, span: port.span, path: port.path });
      }
    }
  },
};
