/** The ports of every container of a pod spec, typed, with their paths and the values the API defaults. */
import type { Field } from '../../model/node-view';
import type { ContainerPort } from '../../model/api/types';
import type { ContainerView, PodSpecView } from '../../model/pod-spec';

/** The field names of a port entry, as its typed view declares them. */
type PortField = Parameters<ContainerPort['$entry']>[0];

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
  /** A field's entry as written; names checked by the compiler. Prefer `fields` (kept for callers not yet reading it). */
  field: (key: PortField) => Field | undefined;
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
        field: (key) => port.$entry(key),
      });
    }
  }
  return out;
}
