/** Merges the per-minor model readings into the compact catalog: the types reachable from the kinds Pod Lens reads. */
import type { ClientField, ClientModel } from './client-node';
import type { ModelsField, ModelsIndex } from './kubernetes-models';

export interface ClientModelSource {
  minor: string;
  package: string;
  version: string;
  models: Map<string, ClientModel>;
}

export interface EnumSource {
  minor: string;
  package: string;
  version: string;
  models: ModelsIndex;
}

/** The kinds Pod Lens reads, with the client-node class of each (List is described by hand: its items are raw objects). */
export const KINDS: Array<{ apiVersion: string; kind: string; type: string }> = [
  { apiVersion: 'v1', kind: 'Pod', type: 'V1Pod' },
  { apiVersion: 'v1', kind: 'PodTemplate', type: 'V1PodTemplate' },
  { apiVersion: 'v1', kind: 'ReplicationController', type: 'V1ReplicationController' },
  { apiVersion: 'v1', kind: 'Secret', type: 'V1Secret' },
  { apiVersion: 'v1', kind: 'ConfigMap', type: 'V1ConfigMap' },
  { apiVersion: 'v1', kind: 'ServiceAccount', type: 'V1ServiceAccount' },
  { apiVersion: 'v1', kind: 'Service', type: 'V1Service' },
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim', type: 'V1PersistentVolumeClaim' },
  { apiVersion: 'apps/v1', kind: 'Deployment', type: 'V1Deployment' },
  { apiVersion: 'apps/v1', kind: 'ReplicaSet', type: 'V1ReplicaSet' },
  { apiVersion: 'apps/v1', kind: 'StatefulSet', type: 'V1StatefulSet' },
  { apiVersion: 'apps/v1', kind: 'DaemonSet', type: 'V1DaemonSet' },
  { apiVersion: 'batch/v1', kind: 'Job', type: 'V1Job' },
  { apiVersion: 'batch/v1', kind: 'CronJob', type: 'V1CronJob' },
  { apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', type: 'V1RuntimeClass' },
  { apiVersion: 'v1', kind: 'List', type: 'List' },
];

// The shapes of the data are the runtime's own: one definition, read by the server and written here.
export type { CatalogField, CatalogType } from '../../server/src/analysis/schema/catalog';
import type { CatalogField, CatalogSource, CatalogType } from '../../server/src/analysis/schema/catalog';
import { renamedTypes } from './renamed-types';
import { applyListSemantics, listSemanticsSources, type ListSemanticsFile } from './list-semantics';

export interface Catalog {
  format: 1;
  kubernetes: { minors: string[]; newest: string; unobserved: string[] };
  sources: CatalogSource[];
  kinds: typeof KINDS;
  types: Record<string, CatalogType>;
}

const LIST: ClientModel = {
  name: 'List',
  description: 'List holds a list of objects, which may not be known by the server; kubectl sends each item on its own.',
  fields: [
    { name: 'apiVersion', type: 'string', format: '', required: false, description: 'APIVersion defines the versioned schema of this representation of an object.' },
    { name: 'items', type: 'Array<any>', format: '', required: true, description: 'List of objects.' },
    { name: 'kind', type: 'string', format: '', required: false, description: 'Kind is a string value representing the REST resource this object represents.' },
    { name: 'metadata', type: 'V1ListMeta', format: '', required: false, description: 'Standard list metadata.' },
  ],
};

/** The type names a client-node type text refers to. */
function referencedTypes(type: string): string[] {
  return [...type.matchAll(/\b([A-Z]\w*V\d\w*|V\d\w*)\b/g)].map((m) => m[1]!);
}

function reachable(models: Map<string, ClientModel>): Set<string> {
  const seen = new Set<string>();
  const queue = KINDS.map((k) => k.type);
  while (queue.length) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    const model = name === 'List' ? LIST : models.get(name);
    if (!model) continue;
    seen.add(name);
    for (const f of model.fields) for (const r of referencedTypes(f.type)) if (!seen.has(r)) queue.push(r);
  }
  return seen;
}

function scalar(type: string, format: string, overlay: ModelsField | undefined): string {
  if (overlay?.isQuantity) return 'quantity';
  if (overlay?.isIntOrString || type === 'IntOrString' || format === 'int-or-string') return 'int-or-string';
  switch (type) {
    case 'string':
      return format === 'byte' ? 'byte' : format.startsWith('date-time') ? 'date-time' : 'string';
    case 'number':
      return format === 'int32' || format === 'int64' ? format : 'number';
    case 'boolean':
      return 'boolean';
    case 'Date':
      return 'date-time';
    case 'any':
    case 'object':
      return 'object';
    default:
      return type;
  }
}

/** client-node's type text → the catalog's type string. */
function convert(type: string, format: string, overlay: ModelsField | undefined): string {
  const array = /^Array<(.+)>$/.exec(type);
  if (array) return `[]${convert(array[1]!, format, overlay)}`;
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) return `{}${convert(map[1]!, format, overlay)}`;
  return scalar(type, format, overlay);
}

function firstParagraph(text: string): string {
  const first = text.split(/\n\s*\n|\n?Possible enum values:/)[0] ?? '';
  return first.replace(/\s+/g, ' ').trim();
}

/** A default the description states plainly (`Defaults to "TCP".`, `Defaults to false.`), not a conditional one. */
function statedDefault(description: string): string | undefined {
  const m = /\bDefaults? (?:to|is) "?([A-Za-z0-9.]+?)"?\.(?:\s|$)/.exec(description);
  // Some descriptions say `Defaults to empty.` or `nil`: a remark, not a value.
  return m && m[1] !== 'empty' && m[1] !== 'nil' ? m[1] : undefined;
}

function presence(minors: string[], present: string[]): { s?: string; u?: string } {
  const out: { s?: string; u?: string } = {};
  if (present[0] !== minors[0]) out.s = present[0];
  if (present[present.length - 1] !== minors[minors.length - 1]) out.u = present[present.length - 1];
  return out;
}

export function buildCatalog(clients: ClientModelSource[], enumSources: EnumSource[], lists: ListSemanticsFile): Catalog {
  const minors = clients.map((c) => c.minor);
  const reach = new Map(clients.map((c) => [c.minor, reachable(c.models)]));
  const allTypes = [...new Set(clients.flatMap((c) => [...reach.get(c.minor)!]))].sort();
  const renamed = renamedTypes(clients);
  const types: Record<string, CatalogType> = {};
  for (const name of allTypes) {
    const oldName = (c: ClientModelSource): string | undefined => renamed.get(`${name}@${c.minor}`);
    const inMinors = clients.filter((c) => reach.get(c.minor)!.has(name) || oldName(c) !== undefined);
    const modelOf = (c: ClientModelSource): ClientModel | undefined => (name === 'List' ? LIST : (c.models.get(name) ?? c.models.get(oldName(c) ?? '')));
    const newest = modelOf(inMinors[inMinors.length - 1]!)!;
    const fieldNames = [...new Set(inMinors.flatMap((c) => modelOf(c)!.fields.map((f) => f.name)))].sort();
    const fields: Record<string, CatalogField> = {};
    for (const fieldName of fieldNames) {
      const present = inMinors.filter((c) => modelOf(c)!.fields.some((f) => f.name === fieldName));
      const newestSource = present[present.length - 1]!;
      const cf = modelOf(newestSource)!.fields.find((f) => f.name === fieldName)!;
      // Formats are missing from older releases: take the newest release's format that exists.
      const format = [...present].reverse().map((c) => modelOf(c)!.fields.find((f) => f.name === fieldName)!.format).find((f) => f) ?? '';
      const overlays = enumSources.map((e) => ({ minor: e.minor, field: e.models.get(name)?.get(fieldName) })).filter((o) => o.field);
      const overlay = overlays[overlays.length - 1]?.field;
      fields[fieldName] = describeField(cf, format, overlay, overlays, fieldName, minors, present.map((c) => c.minor));
    }
    const description = firstParagraph(newest.description);
    types[name] = { ...(description ? { d: description } : {}), f: fields, ...presence(minors, inMinors.map((c) => c.minor)) };
  }
  applyListSemantics(types, lists);
  const observed = new Set(minors);
  const unobserved: string[] = [];
  const [first, last] = [minors[0]!, minors[minors.length - 1]!].map((m) => Number(m.split('.')[1]));
  for (let m = first!; m <= last!; m++) if (!observed.has(`1.${m}`)) unobserved.push(`1.${m}`);
  return {
    format: 1,
    kubernetes: { minors, newest: minors[minors.length - 1]!, unobserved },
    sources: [
      ...clients.map((c) => ({ package: c.package, version: c.version, kubernetes: c.minor, license: 'Apache-2.0', used: 'fields, types, formats, required, descriptions' })),
      ...enumSources.map((e) => ({ package: e.package, version: e.version, kubernetes: e.minor, license: 'MIT', used: 'enum values, quantity and int-or-string types, descriptions' })),
      ...listSemanticsSources(lists),
    ],
    kinds: KINDS,
    types,
  };
}

function describeField(
  cf: ClientField,
  format: string,
  overlay: ModelsField | undefined,
  overlays: Array<{ minor: string; field: ModelsField | undefined }>,
  fieldName: string,
  minors: string[],
  present: string[],
): CatalogField {
  const out: CatalogField = { t: convert(cf.type, format, overlay) };
  if (cf.required && fieldName !== 'apiVersion' && fieldName !== 'kind') out.r = 1;
  const description = firstParagraph(overlay?.description || cf.description);
  if (description) out.d = description;
  // apiVersion and kind are typed as literals by kubernetes-models: not enums of the API.
  const withEnum = fieldName === 'apiVersion' || fieldName === 'kind' ? [] : overlays.filter((o) => o.field?.enum);
  if (withEnum.length) {
    const firstSeen = new Map<string, string>();
    for (const o of withEnum) for (const v of o.field!.enum!) if (!firstSeen.has(v)) firstSeen.set(v, o.minor);
    out.e = [...firstSeen.keys()].sort();
    const later = [...firstSeen].filter(([, m]) => m !== withEnum[0]!.minor);
    if (later.length) out.es = Object.fromEntries(later);
  }
  Object.assign(out, presence(minors, present));
  const df = statedDefault(overlay?.description || cf.description);
  if (df !== undefined) out.df = df;
  return out;
}
