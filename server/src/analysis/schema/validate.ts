/** Walks one document against the catalog: unknown fields, JSON type errors, enum values, required fields, unserved kinds. */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node, Pair } from 'yaml';
import { parseQuantity } from '../k8s/quantity';
import type { ManifestDocument } from '../model/manifest';
import { effectivePairs } from '../model/merge-keys';
import { nodeSpan, resolveNode } from '../model/node-view';
import type { Span } from '../model/span';
import type { Fix } from '../rules/types';
import { catalogField, catalogType, goStructName, goTypeName, shapeOf, typeOfKind } from './catalog';
import { jsonKind, scalarValueAsKubernetesReads, type JsonScalar } from './read-scalar';
import { deprecationWarning, unserved } from './served';
import { DOCKER_CONFIG, ENUMS_OWNED_ELSEWHERE, REQUIRED_CHECKED, RESOURCE_QUANTITY, VALUE_NOT_STRING } from './ownership';
import { quoteOf, unknownField } from './unknown-field';
import { absenceAt, describeAbsence } from './field-versions';
import { DEFAULT_TARGET } from '../k8s/target';

export type SchemaProblemKind = 'unknown-field' | 'type' | 'enum' | 'required' | 'unserved' | 'deprecated-api';

export interface SchemaProblem {
  kind: SchemaProblemKind;
  /** The message in the API server's words (without severity decoration). */
  message: string;
  span: Span;
  path: string;
  fixes?: Fix[];
  /** For unknown fields: the near names and where the field belongs. */
  data?: Record<string, unknown>;
}

const PLACEHOLDER = /^(?:\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$\([A-Za-z_][A-Za-z0-9_]*\)|\{\{.*\}\})$/;
const INT_RANGE: Record<string, [number, number]> = { int32: [-2147483648, 2147483647], int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER] };

/** A field path built only when a problem is reported (the walk visits every node; strings for each would cost more than the check). */
type Path = { parent: Path; seg: string; isIndex: boolean } | undefined;

const field = (parent: Path, key: string): Path => ({ parent, seg: key, isIndex: false });
const index = (parent: Path, key: string | number): Path => ({ parent, seg: String(key), isIndex: true });

/** `spec.containers[0].image`, as the API server writes field paths. */
function str(p: Path): string {
  const segs: Path[] = [];
  for (let q = p; q; q = q.parent) segs.push(q);
  let out = '';
  for (let i = segs.length - 1; i >= 0; i--) {
    const q = segs[i]!;
    out = q.isIndex ? `${out}[${q.seg}]` : out ? `${out}.${q.seg}` : q.seg;
  }
  return out;
}

/** The JSON path encoding/json names: field names only, no indices or map keys. */
function goStr(p: Path, root: Path): string {
  const names: string[] = [];
  for (let q = p; q && q !== root; q = q.parent) if (!q.isIndex) names.push(q.seg);
  return names.reverse().join('.');
}

interface Walk {
  doc: Document;
  text: string;
  out: SchemaProblem[];
  /** Values left to visit: aliases can make a small text a huge tree (alias bombs); the walk stops, it never hangs. */
  budget: number;
  /** The target's minor: fields and enum values outside it are unknown there. */
  minor: string;
}

const MAX_VISITS = 200_000;

/** Where a decoding error names the value: the Go struct that owns the field and the field's JSON path from the root. */
interface GoContext {
  /** Catalog type of the struct that owns the field. */
  owner: string;
  /** The field's path, of which only field names count. */
  path: Path;
  /** Where the decoded object starts (a List's items are decoded one by one). */
  root: Path;
}

const CACHE = new WeakMap<object, Map<string, SchemaProblem[]>>();

/**
 * The schema problems of a document against the target's minor (one walk per minor, shared by the schema rules;
 * cached while the document is unchanged).
 */
export function schemaProblems(document: ManifestDocument, minor: string = DEFAULT_TARGET.minor): SchemaProblem[] {
  let byMinor = CACHE.get(document.doc);
  if (!byMinor) CACHE.set(document.doc, (byMinor = new Map()));
  let found = byMinor.get(minor);
  if (!found) {
    found = [];
    const root = document.root;
    // An item of a `kind: List` is checked with its list (its paths start at `items[N]`), not again on its own.
    const walk: Walk = { doc: document.doc, text: document.text, out: found, budget: MAX_VISITS, minor };
    if (root && root.path === '') checkObject(walk, root.node, undefined);
    // A List checks its items' built-in kinds; a custom resource among them has its templates checked as its own document.
    if (root) checkCustomTemplates(walk, document);
    byMinor.set(minor, found);
  }
  return found;
}

/** One object (a document, or an item of a List): its apiVersion/kind decide its type. */
function checkObject(w: Walk, node: Node, path: Path): void {
  if (!isMap(node)) return;
  const apiVersionNode = valueOf(w.doc, node, 'apiVersion');
  const kindNode = valueOf(w.doc, node, 'kind');
  const apiVersion = scalarValueAsKubernetesReads(apiVersionNode);
  const kind = scalarValueAsKubernetesReads(kindNode);
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return;
  const apiVersionSpan = apiVersionNode ? nodeSpan(apiVersionNode, { start: 0, end: 0 }) : undefined;
  const deprecated = deprecationWarning(apiVersion, kind, w.minor);
  if (deprecated && apiVersionSpan) w.out.push({ kind: 'deprecated-api', message: deprecated, span: apiVersionSpan, path: str(field(path, 'apiVersion')) });
  const why = unserved(apiVersion, kind, w.minor);
  if (why && apiVersionNode && apiVersionSpan) {
    const quote = quoteOf(apiVersionNode);
    w.out.push({
      kind: 'unserved',
      message: why.message,
      span: apiVersionSpan,
      path: str(field(path, 'apiVersion')),
      // Only the apiVersion scalar changes, in its own quoting.
      fixes: why.compatible ? [{ title: `Change apiVersion to ${why.served}`, kind: 'quickfix', isPreferred: true, edits: [{ span: apiVersionSpan, newText: `${quote}${why.served}${quote}` }] }] : undefined,
      data: { served: why.served, removedIn: why.removedIn },
    });
  }
  const type = typeOfKind(apiVersion, kind);
  if (!type) return;
  checkStruct(w, node, type, path, path);
  // kubectl sends each item of a List on its own: each is an object with its own kind.
  if (type === 'List') {
    const items = valueOf(w.doc, node, 'items');
    if (isSeq(items)) items.items.forEach((item, i) => {
      const n = resolveNode(w.doc, item);
      if (n) checkObject(w, n, index(field(path, 'items'), i));
    });
  }
}

/**
 * A custom resource has no schema here (its own fields are its CRD's business), but the pod templates it embeds are
 * Kubernetes' PodTemplateSpec: they are checked as such at their place (`spec.workerGroupSpecs[0].template…`).
 */
function checkCustomTemplates(w: Walk, document: ManifestDocument): void {
  for (const workload of document.workloads) {
    if (!workload.kind.custom?.hasPodSchema) continue;
    const template = workload.template;
    const at = template ? template : workload.podSpec.view;
    const path = parsePath(at.path);
    checkStruct(w, at.node, template ? 'V1PodTemplateSpec' : 'V1PodSpec', path, undefined);
  }
}

/** `spec.groups[0].template` → the walk's path chain. */
function parsePath(text: string): Path {
  let p: Path = undefined;
  for (const m of text.matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)) p = m[1] !== undefined ? field(p, m[1]) : index(p, m[2]!);
  return p;
}

function valueOf(doc: Document, map: Node, key: string): Node | null {
  if (!isMap(map)) return null;
  for (const p of map.items) if (isScalar(p.key) && p.key.value === key) return resolveNode(doc, p.value);
  return null;
}

function keyOf(pair: Pair): string | undefined {
  const k = pair.key;
  if (isScalar(k)) return typeof k.value === 'string' ? k.value : String(k.value);
  return undefined;
}

function checkStruct(w: Walk, node: Node, type: string, path: Path, goRoot: Path, anchor?: Span, outer?: string): void {
  const t = catalogType(type);
  if (!t || !isMap(node)) return;
  const present = new Set<string>();
  for (const pair of effectivePairs(w.doc, node)) {
    const key = keyOf(pair as Pair);
    if (key === undefined) continue;
    present.add(key);
    const keyNode = pair.key as Node;
    const f = catalogField(type, key);
    const at = field(path, key);
    if (!f) {
      w.out.push(unknownField(w.text, node, pair as Pair, keyNode, type, key, str(at), outer));
      continue;
    }
    // A field of another release: strict decoding of the target's API server does not know it either.
    const absent = absenceAt(w.minor, f.s, f.u);
    if (absent) {
      const problem = unknownField(w.text, node, pair as Pair, keyNode, type, key, str(at), outer);
      w.out.push({ ...problem, fixes: undefined, data: { ...problem.data, ...absent, hint: `${key} ${describeAbsence(absent, w.minor)}.` } });
      continue;
    }
    // `List` is decoded item by item; its own fields are plain.
    if (type === 'List' && key === 'items') continue;
    const value = resolveNode(w.doc, pair.value);
    const span = nodeSpan((pair.value as Node | null) ?? null, nodeSpan(keyNode, { start: 0, end: 0 }));
    checkValue(w, value, f.t, at, { owner: type, path: at, root: goRoot }, span, `${type}.${key}`, f.e && enumAt(w, f.e, f.es), nodeSpan(keyNode, span));
  }
  for (const [key, f] of Object.entries(t.f)) {
    if (!f.r || present.has(key) || !REQUIRED_CHECKED.has(`${type}.${key}`)) continue;
    const at = str(field(path, key));
    w.out.push({ kind: 'required', message: `Required value: ${JSON.stringify(key)} must be set`, span: anchor ?? requiredSpan(w, node), path: at, data: { field: key } });
  }
}

/** Enum values of the target's minor, with the release each later value came in (for the message). */
interface EnumAt {
  values: string[];
  later: Record<string, string>;
}

function enumAt(w: Walk, values: string[], since: Record<string, string> | undefined): EnumAt | string[] {
  if (!since) return values;
  const later: Record<string, string> = {};
  for (const v of values) {
    const a = since[v] !== undefined ? absenceAt(w.minor, since[v], undefined) : undefined;
    if (a && 'availableFrom' in a) later[v] = a.availableFrom;
  }
  return Object.keys(later).length ? { values: values.filter((v) => later[v] === undefined), later } : values;
}

/** A missing field is reported at its parent's key, or at the first key of a list item. */
function requiredSpan(w: Walk, node: Node): Span {
  const start = node.range?.[0] ?? 0;
  const lineEnd = w.text.indexOf('\n', start);
  const firstKey = isMap(node) ? (node.items[0]?.key as Node | undefined) : undefined;
  const keySpan = firstKey ? nodeSpan(firstKey, { start, end: start }) : undefined;
  return keySpan ?? { start, end: lineEnd < 0 ? w.text.length : lineEnd };
}

function checkValue(w: Walk, value: Node | null, t: string, path: Path, go: GoContext, span: Span, owner: string, enumValues?: string[] | EnumAt, keySpan?: Span): void {
  if (value === null || --w.budget < 0) return;
  const scalar = scalarValueAsKubernetesReads(value);
  if (scalar === null) return; // JSON null decodes to the zero value of any field.
  const shape = shapeOf(t);
  const kindOfValue = isMap(value) ? 'object' : isSeq(value) ? 'array' : jsonKind(scalar);
  const typeError = (what: string, goType = goTypeName(t)): void => {
    const placeholder = typeof scalar === 'string' && PLACEHOLDER.test(scalar.trim()) ? `: ${JSON.stringify(scalar)} is an unsubstituted placeholder (nothing expands it before the API server decodes the object)` : '';
    w.out.push({ kind: 'type', message: `json: cannot unmarshal ${what} into Go struct field ${goStructName(go.owner)}.${goStr(go.path, go.root)} of type ${goType}${placeholder}`, span, path: str(path) });
  };
  if (shape.kind === 'struct') {
    if (kindOfValue !== 'object') return typeError(kindOfValue);
    return checkStruct(w, value, shape.name, path, go.root, keySpan, go.owner);
  }
  if (shape.kind === 'list') {
    if (!isSeq(value)) return typeError(kindOfValue);
    value.items.forEach((item, i) => {
      const n = resolveNode(w.doc, item);
      checkValue(w, n, shape.item, index(path, i), go, nodeSpan(item as Node, span), owner);
    });
    return;
  }
  if (shape.kind === 'map') {
    if (!isMap(value)) return typeError(kindOfValue);
    for (const pair of effectivePairs(w.doc, value)) {
      const key = keyOf(pair as Pair);
      if (key === undefined) continue;
      const n = resolveNode(w.doc, pair.value);
      checkValue(w, n, shape.value, index(path, key), go, nodeSpan((pair.value as Node | null) ?? null, nodeSpan(pair.key as Node, span)), owner);
    }
    return;
  }
  checkScalar(w, value, scalar, kindOfValue, shape.name, path, span, owner, enumValues, typeError);
}

function checkScalar(
  w: Walk,
  node: Node,
  scalar: JsonScalar | undefined,
  kindOfValue: string,
  name: string,
  path: Path,
  span: Span,
  owner: string,
  enumValues: string[] | EnumAt | undefined,
  typeError: (what: string, goType?: string) => void,
): void {
  switch (name) {
    case 'object':
      return;
    case 'string':
    case 'date-time':
      if (typeof scalar !== 'string') return isValueNotString(scalar, path) ? undefined : typeError(kindOfValue, 'string');
      if (enumValues && scalar !== '' && !ENUMS_OWNED_ELSEWHERE.has(owner)) {
        const values = Array.isArray(enumValues) ? enumValues : enumValues.values;
        const later = Array.isArray(enumValues) ? undefined : enumValues.later[scalar];
        if (!values.includes(scalar)) unsupported(w, node, scalar, values, str(path), span, later);
      }
      return;
    case 'boolean':
      if (typeof scalar !== 'boolean') typeError(kindOfValue);
      return;
    case 'int32':
    case 'int64':
      return checkInteger(scalar, kindOfValue, name, typeError);
    case 'number':
      if (typeof scalar !== 'number') typeError(kindOfValue);
      return;
    case 'int-or-string':
      // IntOrString decodes a non-string as an int32.
      if (typeof scalar !== 'string') checkInteger(scalar, kindOfValue, 'int32', typeError);
      return;
    case 'byte':
      if (typeof scalar !== 'string') return isValueNotString(scalar, path) ? undefined : typeError(kindOfValue);
      return checkBase64(w, scalar, str(path), span);
    case 'quantity':
      return checkQuantity(w, scalar, path, span);
    default:
      return;
  }
}

/** One finding per problem: a boolean or number where value-not-string looks is that rule's. */
function isValueNotString(scalar: JsonScalar | undefined, path: Path): boolean {
  return (typeof scalar === 'boolean' || typeof scalar === 'number') && VALUE_NOT_STRING.test(str(path));
}

function checkInteger(scalar: JsonScalar | undefined, kindOfValue: string, name: string, typeError: (what: string, goType?: string) => void): void {
  if (typeof scalar !== 'number') return typeError(kindOfValue, name);
  const [min, max] = INT_RANGE[name] ?? INT_RANGE.int64!;
  // encoding/json names the number when it does not fit the integer type.
  if (!Number.isInteger(scalar) || scalar < min || scalar > max) typeError(`number ${formatNumber(scalar)}`, name);
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(n);
}

const QUANTITY_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

function checkQuantity(w: Walk, scalar: JsonScalar | undefined, p: Path, span: Span): void {
  if (typeof scalar === 'number') return;
  let message = QUANTITY_ERROR;
  if (typeof scalar === 'string') {
    const q = parseQuantity(scalar);
    if (!('error' in q)) return;
    message = q.error;
  }
  const path = str(p);
  if (RESOURCE_QUANTITY.test(path)) return;
  w.out.push({ kind: 'type', message, span, path });
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Go's base64 decoder names the first byte it cannot read. */
function checkBase64(w: Walk, value: string, path: string, span: Span): void {
  if (DOCKER_CONFIG.test(path)) return;
  const s = value.replace(/[\r\n]/g, '');
  if (s === value && BASE64.test(s) && s.length % 4 === 0) return;
  if (s !== value) return; // Line breaks are skipped by the decoder; the offsets it reports then differ: say nothing rather than a wrong offset.
  const bad = /[^A-Za-z0-9+/=]/.exec(s);
  if (bad) w.out.push({ kind: 'type', message: `illegal base64 data at input byte ${bad.index}`, span, path });
}

function unsupported(w: Walk, node: Node, value: string, values: string[], path: string, span: Span, availableFrom?: string): void {
  const quote = quoteOf(node);
  const sameCase = values.find((v) => v.toLowerCase() === value.toLowerCase());
  const later = availableFrom ? `; ${JSON.stringify(value)} ${describeAbsence({ availableFrom }, w.minor)}` : '';
  w.out.push({
    kind: 'enum',
    message: `Unsupported value: ${JSON.stringify(value)}: supported values: ${values.map((v) => JSON.stringify(v)).join(', ')}${later}`,
    span,
    path,
    fixes: sameCase && quote !== undefined ? [{ title: `Change to ${sameCase}`, kind: 'quickfix', isPreferred: true, edits: [{ span, newText: `${quote}${sameCase}${quote}` }] }] : undefined,
    data: { values, sameCase },
  });
}
