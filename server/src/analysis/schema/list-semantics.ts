/**
 * How the API merges a list field, from the catalog (`l`, `k`, `pk`, `ps`, transcribed from the `+listType`,
 * `+listMapKey`, `+patchMergeKey` and `+patchStrategy` markers of the Kubernetes types). Server-side apply reads the
 * list type and map keys (structured-merge-diff); a client-side strategic merge (kubectl apply, kustomize patches)
 * reads the patch strategy and merge key (k8s.io/apimachinery/pkg/util/strategicpatch).
 */
import { catalogField } from './catalog';

export interface ListSemantics {
  /** `atomic`, `set` or `map`; `unspecified` when the type has no marker, which server-side apply treats as atomic. */
  listType: 'atomic' | 'set' | 'map' | 'unspecified';
  /** The keys of a `map` list's items, in the source's order; empty for other lists. */
  listMapKeys: string[];
  /** The item key of a strategic merge, when the field has one. */
  patchMergeKey?: string;
  /** The strategic-merge strategies (`merge`, `retainKeys`), empty when the list is replaced whole. */
  patchStrategies: string[];
}

/** The list semantics of a field of a catalog type, or undefined when it is not a list field the catalog knows. */
export function listSemantics(typeName: string, field: string): ListSemantics | undefined {
  const f = catalogField(typeName, field);
  if (!f || !f.t.startsWith('[]')) return undefined;
  return {
    listType: f.l ?? 'unspecified',
    listMapKeys: f.k ?? [],
    ...(f.pk ? { patchMergeKey: f.pk } : {}),
    patchStrategies: f.ps ? f.ps.split(',') : [],
  };
}
