/** The generated API catalog (catalog.json) and lookups over it: the type of a kind, the fields of a type, Go names for messages. */
import data from './catalog.json';

export interface CatalogField {
  /** Type: a scalar (`string`, `boolean`, `int32`, `int64`, `number`, `int-or-string`, `quantity`, `byte`, `date-time`, `object`), a type name, `[]T` or `{}T`. */
  t: string;
  /** Required (present in the OpenAPI `required` list). */
  r?: 1;
  /** Description, first paragraph. */
  d?: string;
  /** Enum values. */
  e?: string[];
  /** Enum values first seen in a later minor than the field's first enum source: value → minor. */
  es?: Record<string, string>;
  /** First minor with the field, when after the first catalogued minor. */
  s?: string;
  /** Last minor with the field, when before the newest catalogued minor. */
  u?: string;
  /** Default, when the description states a plain one. */
  df?: string;
  /** List type of a list field (`x-kubernetes-list-type`, the `+listType` marker): how server-side apply merges it. Absent: unspecified (atomic for apply). */
  l?: 'atomic' | 'set' | 'map';
  /** Map keys of a `map` list (`x-kubernetes-list-map-keys`, the `+listMapKey` markers), in the source's order. */
  k?: string[];
  /** Patch merge key (`x-kubernetes-patch-merge-key`, the `patchMergeKey` tag): the item key of a strategic merge (kubectl apply, kustomize). */
  pk?: string;
  /** Patch strategy (`x-kubernetes-patch-strategy`, the `patchStrategy` tag): `merge`, `retainKeys` or `merge,retainKeys`. */
  ps?: string;
}

export interface CatalogType {
  d?: string;
  f: Record<string, CatalogField>;
  s?: string;
  u?: string;
}

interface CatalogData {
  format: number;
  kubernetes: { minors: string[]; newest: string; unobserved: string[] };
  sources: CatalogSource[];
  kinds: Array<{ apiVersion: string; kind: string; type: string }>;
  types: Record<string, CatalogType>;
}

/** Where the catalog's data comes from: an npm package of a Kubernetes minor, or a source file of a repository at a commit. */
export interface CatalogSource {
  package: string;
  version: string;
  kubernetes?: string;
  path?: string;
  license: string;
  used: string;
}

const CATALOG = data as CatalogData;

/** What inspect and hovers name as the catalog in use. */
export const CATALOG_VERSION = `Kubernetes ${CATALOG.kubernetes.minors[0]}–${CATALOG.kubernetes.newest}`;
export const CATALOG_MINORS = CATALOG.kubernetes;

const BY_KIND = new Map(CATALOG.kinds.map((k) => [`${k.apiVersion}/${k.kind}`, k.type]));
const KINDS = new Map(CATALOG.kinds.map((k) => [k.kind, k.apiVersion]));

/** The root type of an object, when the catalog describes that apiVersion and kind. */
export function typeOfKind(apiVersion: string, kind: string): string | undefined {
  return BY_KIND.get(`${apiVersion}/${kind}`);
}

/** The apiVersion the catalog serves a kind at (`Deployment` → `apps/v1`). */
export function servedApiVersion(kind: string): string | undefined {
  return KINDS.get(kind);
}

export function catalogKinds(): ReadonlyArray<{ apiVersion: string; kind: string; type: string }> {
  return CATALOG.kinds;
}

/** Every type name the catalog describes. */
export function catalogTypeNames(): string[] {
  return Object.keys(CATALOG.types);
}

export function catalogType(name: string): CatalogType | undefined {
  return Object.prototype.hasOwnProperty.call(CATALOG.types, name) ? CATALOG.types[name] : undefined;
}

export function catalogField(typeName: string, key: string): CatalogField | undefined {
  const t = catalogType(typeName);
  return t && Object.prototype.hasOwnProperty.call(t.f, key) ? t.f[key] : undefined;
}

const SCALARS = new Set(['string', 'boolean', 'int32', 'int64', 'number', 'int-or-string', 'quantity', 'byte', 'date-time', 'object']);

export type TypeShape =
  | { kind: 'scalar'; name: string }
  | { kind: 'list'; item: string }
  | { kind: 'map'; value: string }
  | { kind: 'struct'; name: string };

export function shapeOf(t: string): TypeShape {
  if (t.startsWith('[]')) return { kind: 'list', item: t.slice(2) };
  if (t.startsWith('{}')) return { kind: 'map', value: t.slice(2) };
  if (SCALARS.has(t)) return { kind: 'scalar', name: t };
  return { kind: 'struct', name: t };
}

/** The Go struct's name: client-node's class name without its version prefix (`V1ContainerPort` → `ContainerPort`). */
export function goStructName(typeName: string): string {
  return typeName.replace(/^[A-Z][a-z]*(?=V\d)/, '').replace(/^V\d+(?:alpha\d+|beta\d+)?/, '');
}

function goPackage(typeName: string): string {
  return /V\d+(?:alpha\d+|beta\d+)?/.exec(typeName)?.[0].toLowerCase() ?? 'v1';
}

/** The Go type as encoding/json names it in errors (`int32`, `[]v1.Container`, `map[string]string`, `v1.PodSpec`). */
export function goTypeName(t: string): string {
  const shape = shapeOf(t);
  if (shape.kind === 'list') return `[]${goTypeName(shape.item)}`;
  if (shape.kind === 'map') return `map[string]${goTypeName(shape.value)}`;
  if (shape.kind === 'struct') return t === 'List' ? 'v1.List' : `${goPackage(t)}.${goStructName(t)}`;
  switch (shape.name) {
    case 'boolean':
      return 'bool';
    case 'number':
      return 'float64';
    case 'byte':
      return '[]uint8';
    case 'int-or-string':
      return 'intstr.IntOrString';
    case 'quantity':
      return 'resource.Quantity';
    case 'date-time':
      return 'v1.Time';
    case 'object':
      return 'interface {}';
    default:
      return shape.name;
  }
}

/** A type written for people: `[]Container`, `map[string]Quantity`, `integer (int32)`. */
export function displayType(t: string): string {
  const shape = shapeOf(t);
  if (shape.kind === 'list') return `[]${displayType(shape.item)}`;
  if (shape.kind === 'map') return `map[string]${displayType(shape.value)}`;
  if (shape.kind === 'struct') return goStructName(t);
  switch (shape.name) {
    case 'int32':
    case 'int64':
      return `integer (${shape.name})`;
    case 'quantity':
      return 'Quantity (e.g. 250m, 1Gi)';
    case 'int-or-string':
      return 'integer or string';
    case 'byte':
      return 'base64 string';
    case 'date-time':
      return 'date-time (RFC 3339)';
    default:
      return shape.name;
  }
}
