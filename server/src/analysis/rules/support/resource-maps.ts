/** The requests and limits maps of every container, as located entries with parsed quantities. */
import { quantityOf, type Quantity } from '../../k8s/quantity';
import type { Field, MapView } from '../../model/node-view';
import type { ContainerView, PodSpecView } from '../../model/pod-spec';

export interface ResourceEntry {
  container: ContainerView;
  which: 'requests' | 'limits';
  resource: string;
  field: Field;
  quantity: Quantity | { error: string };
  map: MapView;
}

const cache = new WeakMap<PodSpecView['view']['node'], ResourceEntry[]>();

/** Every requests/limits entry of the pod spec, parsed once per parsed document (three rules read them). */
export function resourceEntries(spec: PodSpecView): ResourceEntry[] {
  const hit = cache.get(spec.view.node);
  if (hit) return hit;
  const out: ResourceEntry[] = [];
  cache.set(spec.view.node, out);
  for (const c of spec.all) {
    const resources = c.view.map('resources');
    for (const which of ['requests', 'limits'] as const) {
      const map = resources?.map(which);
      if (!map) continue;
      for (const { key, field } of map.entries()) out.push({ container: c, which, resource: key, field, quantity: quantityOf(field.value), map });
    }
  }
  return out;
}
