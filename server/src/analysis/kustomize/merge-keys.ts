/**
 * How lists of the built-in types merge in a strategic-merge patch, as kustomize (kyaml) does it, from the catalog's
 * list semantics (schema/list-semantics.ts): a list merges item by item when its patch strategy includes `merge`
 * (x-kubernetes-patch-strategy); other lists are replaced whole. kyaml's openapi.go PatchStrategyAndKeyList
 * returns the x-kubernetes-list-map-keys when the API declares them (ports by containerPort and protocol,
 * topologySpreadConstraints by topologyKey and whenUnsatisfiable), else the x-kubernetes-patch-merge-key, else no
 * key: a list of scalars merged as a set (finalizers). walk/associative_sequence.go then matches items on every key
 * the item has a value for (validateKeys).
 */
import { listSemantics } from '../schema/list-semantics';

/** The merge key(s) of a list field, '' for a set of scalars, undefined for a list replaced whole. */
export function mergeKeyOf(typeName: string | undefined, field: string): string | string[] | undefined {
  const s = typeName ? listSemantics(typeName, field) : undefined;
  if (!s || !s.patchStrategies.includes('merge')) return undefined;
  const keys = s.listMapKeys.length ? s.listMapKeys : s.patchMergeKey ? [s.patchMergeKey] : [];
  return keys.length > 1 ? keys : (keys[0] ?? '');
}
