/** Per document: how many schema errors the catalog finds, and which catalog: the data behind `inspect`'s schema lines. */
import type { ManifestModel } from '../model/manifest';
import { CATALOG_VERSION } from './catalog';
import { DEFAULT_TARGET, type KubernetesTarget } from '../k8s/target';
import { schemaProblems, type SchemaProblemKind } from './validate';

export interface InspectedDocument {
  document: number;
  apiVersion: string | null;
  kind: string | null;
  name: string | null;
  /** Schema errors (unknown fields count as errors, as under kubectl's default strict validation). */
  schemaErrors: number;
  byKind: Partial<Record<SchemaProblemKind, number>>;
  catalog: string;
}

export function inspectSchema(model: ManifestModel, target: KubernetesTarget = DEFAULT_TARGET): InspectedDocument[] {
  return model.documents.map((d) => {
    const byKind: InspectedDocument['byKind'] = {};
    // A deprecated apiVersion still served is a warning, not a schema error.
    const problems = schemaProblems(d, target.minor).filter((p) => p.kind !== 'deprecated-api');
    for (const p of problems) byKind[p.kind] = (byKind[p.kind] ?? 0) + 1;
    return { document: d.index, apiVersion: d.apiVersion ?? null, kind: d.kind ?? null, name: d.name ?? null, schemaErrors: problems.length, byKind, catalog: CATALOG_VERSION };
  });
}
