/** The ports of every container of a pod spec, read defensively, with paths and spans. */
import type { Field, MapView } from '../../model/node-view';
import type { ContainerView, PodSpecView } from '../../model/pod-spec';

export interface PortEntry {
  container: ContainerView;
  index: number;
  path: string;
  view: MapView;
  containerPort: number | undefined;
  hostPort: number;
  /** Defaulted to TCP (SetDefaults_ContainerPort). */
  protocol: string;
  hostIP: string;
  name: string | undefined;
  field: (key: string) => Field | undefined;
}

function int(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

export function portsOf(spec: PodSpecView, containers: ContainerView[] = spec.all): PortEntry[] {
  const out: PortEntry[] = [];
  for (const c of containers) {
    for (const { index, view } of c.view.seq('ports')?.maps() ?? []) {
      const protocol = view.get('protocol')?.value;
      out.push({
        container: c,
        index,
        path: view.path,
        view,
        containerPort: int(view.get('containerPort')?.value),
        hostPort: int(view.get('hostPort')?.value) ?? 0,
        protocol: typeof protocol === 'string' && protocol !== '' ? protocol : 'TCP',
        hostIP: typeof view.get('hostIP')?.value === 'string' ? (view.get('hostIP')!.value as string) : '',
        name: view.string('name'),
        field: (key) => view.get(key),
      });
    }
  }
  return out;
}
