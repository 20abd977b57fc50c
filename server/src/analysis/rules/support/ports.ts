/** The ports of every container of a pod spec, typed, with their paths and the values the API defaults. */
import type { ContainerPort } from '../../model/api/types';
import type { ContainerView, PodSpecView } from '../../model/pod-spec';

export interface PortEntry {
  container: ContainerView;
  /** The entry's field path (`…ports[1]`: the index among all items written). */
  path: string;
  /** The port entry's fields, typed from the API catalog. */
  fields: ContainerPort;
  /** `containerPort` when it is an integer. */
  containerPort: number | undefined;
  hostPort: number;
  /** Defaulted to TCP (SetDefaults_ContainerPort). */
  protocol: string;
  hostIP: string;
  name: string | undefined;
}

export function portsOf(spec: PodSpecView, containers: ContainerView[] = spec.all): PortEntry[] {
  const out: PortEntry[] = [];
  for (const c of containers) {
    for (const port of c.fields.ports) {
      out.push({
        container: c,
        path: port.$path,
        fields: port,
        // int32 fields: `value` is set only for an integer, as the JSON decoder takes it.
        containerPort: port.containerPort?.value,
        hostPort: port.hostPort?.value ?? 0,
        // An empty protocol is defaulted like an absent one.
        protocol: port.protocol?.value || 'TCP',
        hostIP: port.hostIP?.value ?? '',
        name: port.name?.value,
      });
    }
  }
  return out;
}
