/**
 * Walks a custom resource against its CRD version's structural schema, as the API server does on create: strict field
 * validation of pruned fields (apiextensions-apiserver pkg/registry/customresource, structural pruning), then kube-openapi
 * pkg/validation/validate (type, required, enum, bounds, lengths), its errors turned into field errors by
 * apiextensions-apiserver pkg/apiserver/validation/validation.go kubeOpenAPIResultToFieldErrors.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node } from 'yaml';
import { effectivePairs } from '../model/merge-keys';
import { nodeSpan, resolveNode } from '../model/node-view';
import type { Span } from '../model/span';
import { scalarValueAsKubernetesReads, type JsonScalar } from '../schema/read-scalar';
import type { CrdSchema } from './crd-definition';

export type CustomProblemKind = 'unknown-field' | 'type' | 'required' | 'enum' | 'invalid' | 'too-long';

export interface CustomProblem {
  kind: CustomProblemKind;
  /** The API server's field error without its leading path (the finding's path and range give it). */
  message: string;
  span: Span;
  path: string;
}

/** Values visited per document: aliases can make a small text a huge tree; the walk stops, it never hangs. */
export const MAX_VISITS = 100_000;

interface Walk {
  doc: Document;
  out: CustomProblem[];
  budget: number;
  /** Paths not to judge: pod templates the API schema checks, `status` behind its subresource. */
  skip: ReadonlySet<string>;
}

const child = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** The problems of `root` (the whole object) against `schema`; `skip` lists paths whose subtrees are not judged. */
export function checkCustomResource(doc: Document, root: Node, schema: CrdSchema, skip: ReadonlySet<string>): CustomProblem[] {
  const w: Walk = { doc, out: [], budget: MAX_VISITS, skip };
  // apiVersion, kind and metadata are the API machinery's, never pruned and not judged by the CRD's schema here.
  checkNode(w, root, schema, '', nodeSpan(root, { start: 0, end: 0 }), undefined, true);
  return w.out;
}

/** The JSON type name kube-openapi's type validator reports for a value (validate/type.go). */
function typeName(node: Node, value: JsonScalar | undefined): string {
  if (isMap(node)) return 'object';
  if (isSeq(node)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value === 'boolean' ? 'boolean' : 'string';
}

/** field.Error's value as the API server prints it: strings quoted, numbers and booleans bare. */
function shown(value: JsonScalar | undefined): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function isTypeOk(schema: CrdSchema, actual: string): boolean {
  if (schema['x-kubernetes-int-or-string']) return actual === 'integer' || actual === 'string';
  if (!schema.type) return true;
  return schema.type === actual || (schema.type === 'number' && actual === 'integer');
}

/** `keySpan`: the key holding the value, where a field the value lacks is reported (the built-in schema rules do the same). */
function checkNode(w: Walk, node: Node | null, schema: CrdSchema, path: string, span: Span, keySpan?: Span, isObjectRoot = false): void {
  if (node === null || schema.truncated || --w.budget < 0 || w.skip.has(path)) return;
  const value = isScalar(node) ? scalarValueAsKubernetesReads(node) : undefined;
  const actual = typeName(node, value);
  if (actual === 'null') {
    if (!schema.nullable && (schema.type || schema['x-kubernetes-int-or-string'])) typeProblem(w, schema, path, span, actual);
    return;
  }
  if (!isTypeOk(schema, actual)) {
    typeProblem(w, schema, path, span, actual);
    return;
  }
  if (isMap(node)) checkObject(w, node, schema, path, span, keySpan, isObjectRoot || schema['x-kubernetes-embedded-resource'] === true);
  else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const n = resolveNode(w.doc, item);
      if (schema.items) checkNode(w, n, schema.items, `${path}[${i}]`, nodeSpan(n, span));
    });
  } else checkScalar(w, value, schema, path, span);
}

function typeProblem(w: Walk, schema: CrdSchema, path: string, span: Span, actual: string): void {
  const wanted = schema['x-kubernetes-int-or-string'] ? 'integer,string' : schema.type!;
  // kube-openapi errors.InvalidType with the value's type name: `… in body must be of type integer: "string"`.
  w.out.push({ kind: 'type', message: `Invalid value: "${actual}": ${path} in body must be of type ${wanted}: "${actual}"`, span, path });
}

function checkObject(w: Walk, node: Node, schema: CrdSchema, path: string, span: Span, ownKey: Span | undefined, isResource: boolean): void {
  if (!isMap(node)) return;
  const present = new Set<string>();
  const keepsUnknown = schema['x-kubernetes-preserve-unknown-fields'] === true;
  // Merge keys (`<<: *base`) bring their pairs, as sigs.k8s.io/yaml does.
  for (const pair of effectivePairs(w.doc, node)) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    present.add(key);
    const at = child(path, key);
    const keySpan = nodeSpan(pair.key as Node, span);
    // An object's (or an embedded resource's) apiVersion, kind and metadata belong to the API machinery.
    if (isResource && (key === 'apiVersion' || key === 'kind' || key === 'metadata')) continue;
    const value = resolveNode(w.doc, pair.value);
    const valueSpan = nodeSpan((pair.value as Node | null) ?? null, keySpan);
    // Own properties only: a key named `__proto__` or `constructor` is no schema (however the schema was built).
    const own = schema.properties && Object.prototype.hasOwnProperty.call(schema.properties, key) ? schema.properties[key] : undefined;
    const additional = schema.additionalProperties;
    const sub = own ?? (typeof additional === 'object' ? additional : undefined);
    if (sub) checkNode(w, value, sub, at, valueSpan, keySpan);
    else if (additional === true || keepsUnknown) continue;
    // Pruning drops what the schema does not declare; strict field validation reports it.
    else w.out.push({ kind: 'unknown-field', message: `unknown field ${JSON.stringify(at)}`, span: keySpan, path: at });
  }
  // An embedded resource needs apiVersion and kind, not metadata (apiextensions-apiserver schema/objectmeta validation.go validateEmbeddedResource).
  const required = schema['x-kubernetes-embedded-resource'] ? ['apiVersion', 'kind', ...(schema.required ?? [])] : (schema.required ?? []);
  for (const key of required) {
    if (present.has(key)) continue;
    // field.Required(errPath, ""): the message names the field the object lacks.
    w.out.push({ kind: 'required', message: `Required value: ${JSON.stringify(key)} must be set`, span: ownKey ?? requiredSpan(node, span), path: child(path, key) });
  }
}

/** A missing field of a list item or of the whole object is reported at its first key. */
function requiredSpan(node: Node, fallback: Span): Span {
  const first = isMap(node) ? (node.items[0]?.key as Node | undefined) : undefined;
  return first ? nodeSpan(first, fallback) : fallback;
}

function checkScalar(w: Walk, value: JsonScalar | undefined, schema: CrdSchema, path: string, span: Span): void {
  if (value === undefined || value === null) return;
  if (schema.enum && schema.enum.length > 0 && !schema.enum.some((e) => e === value)) {
    const values = schema.enum.map((e) => (typeof e === 'string' ? JSON.stringify(e) : JSON.stringify(JSON.stringify(e))));
    w.out.push({ kind: 'enum', message: `Unsupported value: ${shown(value)}: supported values: ${values.join(', ')}`, span, path });
    return;
  }
  if (typeof value === 'number') {
    const bound = numberBound(schema, value);
    if (bound) w.out.push({ kind: 'invalid', message: `Invalid value: ${shown(value)}: ${path} in body should be ${bound}`, span, path });
  }
  if (typeof value === 'string') {
    // Lengths count characters (kube-openapi validate.MaxLength uses utf8.RuneCountInString).
    const length = [...value].length;
    if (schema.maxLength !== undefined && length > schema.maxLength) w.out.push({ kind: 'too-long', message: `Too long: may not be longer than ${schema.maxLength}`, span, path });
    else if (schema.minLength !== undefined && length < schema.minLength) w.out.push({ kind: 'invalid', message: `Invalid value: ${shown(value)}: ${path} in body should be at least ${schema.minLength} chars long`, span, path });
  }
}

/** kube-openapi's minimum/maximum failures (errors/schema.go maxIncFail, maxExcFail, minIncFail, minExcFail). */
function numberBound(schema: CrdSchema, value: number): string | undefined {
  const { maximum, minimum } = schema;
  if (maximum !== undefined && (schema.exclusiveMaximum ? value >= maximum : value > maximum)) return schema.exclusiveMaximum ? `less than ${maximum}` : `less than or equal to ${maximum}`;
  if (minimum !== undefined && (schema.exclusiveMinimum ? value <= minimum : value < minimum)) return schema.exclusiveMinimum ? `greater than ${minimum}` : `greater than or equal to ${minimum}`;
  return undefined;
}
