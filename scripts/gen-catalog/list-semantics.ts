/**
 * List semantics from list-semantics.json, merged into the catalog's list fields: the `+listType`, `+listMapKey`,
 * `+patchMergeKey` and `+patchStrategy` markers of the Kubernetes types (k8s.io/api core/v1, apps/v1, batch/v1,
 * node/v1 and k8s.io/apimachinery meta/v1 types.go), which the OpenAPI publishes as x-kubernetes-list-type,
 * x-kubernetes-list-map-keys, x-kubernetes-patch-merge-key and x-kubernetes-patch-strategy. None of the npm sources
 * carries them. The file is transcribed by hand: every entry must name a list field of the catalog.
 */
import type { CatalogField, CatalogSource, CatalogType } from '../../server/src/analysis/schema/catalog';

/** One field's markers, in the markers' own words. */
export interface ListSemanticsEntry {
  listType: 'atomic' | 'set' | 'map';
  listMapKeys?: string[];
  patchMergeKey?: string;
  patchStrategy?: string;
}

export interface ListSemanticsFile {
  license: string;
  copyright: string;
  sources: Array<{ repo: string; path: string; commit: string; types: Record<string, Record<string, ListSemanticsEntry>> }>;
}

// k8s.io/apimachinery/pkg/util/strategicpatch: the strategies a patchStrategy tag may list.
const PATCH_STRATEGIES = new Set(['merge', 'retainKeys', 'replace']);

function check(where: string, field: CatalogField | undefined, e: ListSemanticsEntry): void {
  if (!field) throw new Error(`list-semantics.json: ${where} is not a field of the catalog`);
  if (!field.t.startsWith('[]')) throw new Error(`list-semantics.json: ${where} is ${field.t}, not a list`);
  if (!['atomic', 'set', 'map'].includes(e.listType)) throw new Error(`list-semantics.json: ${where} has listType ${e.listType}`);
  // A map list names its keys (+listMapKey); no other list type has keys.
  if ((e.listType === 'map') !== !!e.listMapKeys?.length) throw new Error(`list-semantics.json: ${where}: listMapKeys go with listType map`);
  if (e.patchStrategy && !e.patchStrategy.split(',').every((s) => PATCH_STRATEGIES.has(s))) throw new Error(`list-semantics.json: ${where} has patchStrategy ${e.patchStrategy}`);
}

/** Writes `l`, `k`, `pk` and `ps` on the catalog's fields; throws on an entry that names no list field. */
export function applyListSemantics(types: Record<string, CatalogType>, file: ListSemanticsFile): void {
  const seen = new Set<string>();
  for (const source of file.sources) {
    for (const [typeName, fields] of Object.entries(source.types)) {
      for (const [fieldName, e] of Object.entries(fields)) {
        const where = `${typeName}.${fieldName}`;
        if (seen.has(where)) throw new Error(`list-semantics.json: ${where} is given twice`);
        seen.add(where);
        const field = Object.prototype.hasOwnProperty.call(types, typeName) ? types[typeName]!.f[fieldName] : undefined;
        check(where, field, e);
        field!.l = e.listType;
        if (e.listMapKeys) field!.k = e.listMapKeys;
        if (e.patchMergeKey) field!.pk = e.patchMergeKey;
        if (e.patchStrategy) field!.ps = e.patchStrategy;
      }
    }
  }
}

/** The catalog's `sources` entries for the files the semantics were read from. */
export function listSemanticsSources(file: ListSemanticsFile): CatalogSource[] {
  return file.sources.map((s) => ({ package: s.repo, path: s.path, version: s.commit, license: file.license, used: 'list types, list map keys, patch merge keys and strategies' }));
}
