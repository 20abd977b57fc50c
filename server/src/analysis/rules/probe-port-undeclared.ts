/** probe-port-undeclared: a probe or lifecycle handler names a port the container does not declare. */
import type { MapView } from '../model/node-view';
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
      const names = new Set((c.view.seq('ports')?.maps() ?? []).map(({ view }) => view.string('name')).filter((n) => n !== undefined));
      const handlers: Array<MapView | undefined> = [
        ...['livenessProbe', 'readinessProbe', 'startupProbe'].map((p) => c.view.map(p)),
        c.view.map('lifecycle')?.map('postStart'),
        c.view.map('lifecycle')?.map('preStop'),
      ];
      for (const h of handlers) {
        for (const kind of ['httpGet', 'tcpSocket']) {
          const port = h?.map(kind)?.get('port');
          if (!port || typeof port.value !== 'string' || /^\d+$/.test(port.value) || names.has(port.value)) continue;
          report({ message: `port ${quote(port.value)} is not a port name of container ${c.name ?? ''}: the kubelet cannot resolve it and the probe always fails.`, span: port.span, path: port.path });
        }
      }
    }
  },
};
