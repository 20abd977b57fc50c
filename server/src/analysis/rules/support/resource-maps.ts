/** The requests and limits maps of every container, as located entries with parsed quantities. */
import { quantityOf, type Quantity } from '../../k8s/quantity';
import type { Scalar } from '../../model/api/types';
import type { ContainerView, PodSpecView } from '../../model/pod-spec';

export interface ResourceEntry {
  container: ContainerView;
  which: 'requests' | 'limits';
  resource: string;
  /** The quantity as written: `written` is what the quantity parser judges, mistyped values included. */
  field: Scalar<string | number>;
  quantity: Quantity | { error: string };
  /** The field path of the `requests` or `limits` map holding it (`…resources.requests`). */
  mapPath: string;
}

const cache = new WeakMap<PodSpecView['view']['node'], ResourceEntry[]>();

/** Every requests/limits entry of the pod spec, parsed once per parsed document (three rules read them). */
export function resourceEntries(spec: PodSpecView): ResourceEntry[] {
  const hit = cache.get(spec.view.node);
  if (hit) return hit;
  const out: ResourceEntry[] = [];
  cache.set(spec.view.node, out);
  for (const c of spec.all) {
    const resources = c.fields.resources;
    for (const which of ['requests', 'limits'] as const) {
      const written = resources?.$entry(which);
      if (!resources || !written) continue;
      for (const [resource, field] of resources[which]) out.push({ container: c, which, resource, field, quantity: quantityOf(field.written), mapPath: written.path });
    }
  }
  return out;
}
