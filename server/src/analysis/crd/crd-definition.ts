/**
 * A CustomResourceDefinition (apiextensions.k8s.io/v1) read for the workspace index: its group, kind and, per version,
 * whether it is served and the structural schema of `schema.openAPIV3Schema`, copied with bounds (a hostile CRD cannot
 * make the index big or its walk slow: past the bounds a subtree is kept as "anything goes").
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node } from 'yaml';
import { resolveNode } from '../model/node-view';
import type { ManifestDocument } from '../model/manifest';

export type JsonScalarValue = string | number | boolean | null;

/** The keywords of a structural schema the check uses (apiextensions-apiserver pkg/apis/apiextensions JSONSchemaProps). */
export interface CrdSchema {
  type?: string;
  properties?: Record<string, CrdSchema>;
  /** A schema for map values, or false / true. */
  additionalProperties?: CrdSchema | boolean;
  items?: CrdSchema;
  required?: string[];
  enum?: JsonScalarValue[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  minLength?: number;
  maxLength?: number;
  nullable?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  /** Cut by the bounds below: nothing under it is judged. */
  truncated?: boolean;
}

export interface CrdVersion {
  name: string;
  served: boolean;
  /** Undefined when the version has no schema (nothing to judge). */
  schema: CrdSchema | undefined;
  /** With the status subresource, the main endpoint ignores `status` (its strategy resets it). */
  hasStatusSubresource: boolean;
}

export interface CrdDefinition {
  group: string;
  kind: string;
  versions: CrdVersion[];
}

/** Schema nodes kept per CRD and nesting depth kept: real CRDs (Prometheus, Argo, Crossplane) stay well under both. */
export const MAX_SCHEMA_NODES = 20_000;
export const MAX_SCHEMA_DEPTH = 48;

interface Budget {
  left: number;
}

function get(doc: Document, node: Node | null, key: string): Node | null {
  if (!isMap(node)) return null;
  for (const p of node.items) if (isScalar(p.key) && p.key.value === key) return resolveNode(doc, p.value);
  return null;
}

function scalar(node: Node | null): JsonScalarValue | undefined {
  if (!isScalar(node)) return undefined;
  const v: unknown = node.value;
  if (v === null || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') return v;
  return typeof v === 'bigint' ? Number(v) : undefined;
}

const str = (n: Node | null) => (typeof scalar(n) === 'string' ? (scalar(n) as string) : undefined);
const num = (n: Node | null) => (typeof scalar(n) === 'number' ? (scalar(n) as number) : undefined);
const bool = (n: Node | null) => scalar(n) === true;

/** Copies one schema node; every node, property and enum value spends the budget, so aliases cannot multiply it. */
export function readSchema(doc: Document, node: Node | null, depth: number, budget: Budget): CrdSchema {
  if (--budget.left < 0 || depth > MAX_SCHEMA_DEPTH || !isMap(node)) return { truncated: true };
  const out: CrdSchema = {};
  const type = str(get(doc, node, 'type'));
  if (type) out.type = type;
  const props = get(doc, node, 'properties');
  if (isMap(props)) {
    // No prototype: a property named `__proto__` or `constructor` is only a property.
    const copy = Object.create(null) as Record<string, CrdSchema>;
    for (const p of props.items) {
      if (!isScalar(p.key)) continue;
      copy[String(p.key.value)] = readSchema(doc, resolveNode(doc, p.value), depth + 1, budget);
      if (budget.left < 0) break;
    }
    out.properties = copy;
  }
  const additional = get(doc, node, 'additionalProperties');
  if (isMap(additional)) out.additionalProperties = readSchema(doc, additional, depth + 1, budget);
  else if (typeof scalar(additional) === 'boolean') out.additionalProperties = scalar(additional) as boolean;
  const items = get(doc, node, 'items');
  if (isMap(items)) out.items = readSchema(doc, items, depth + 1, budget);
  const required = get(doc, node, 'required');
  if (isSeq(required)) out.required = required.items.flatMap((r) => (--budget.left >= 0 && typeof scalar(resolveNode(doc, r)) === 'string' ? [scalar(resolveNode(doc, r)) as string] : []));
  const values = get(doc, node, 'enum');
  if (isSeq(values)) out.enum = values.items.flatMap((v) => {
    const s = scalar(resolveNode(doc, v));
    return --budget.left >= 0 && s !== undefined ? [s] : [];
  });
  for (const key of ['minimum', 'maximum', 'minLength', 'maxLength'] as const) {
    const n = num(get(doc, node, key));
    if (n !== undefined) out[key] = n;
  }
  for (const key of ['exclusiveMinimum', 'exclusiveMaximum', 'nullable', 'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-int-or-string', 'x-kubernetes-embedded-resource'] as const) {
    if (bool(get(doc, node, key))) out[key] = true;
  }
  // A list or enum cut short would judge wrongly: the whole node is then not judged.
  if (budget.left < 0) return { truncated: true };
  return out;
}

/** The definition a CRD document makes, or undefined for anything else (v1beta1 CRDs were removed in Kubernetes 1.22). */
export function readCrd(document: ManifestDocument): CrdDefinition | undefined {
  if (document.kind !== 'CustomResourceDefinition' || document.apiVersion !== 'apiextensions.k8s.io/v1' || !document.root) return undefined;
  const doc = document.doc;
  const spec = get(doc, document.root.node, 'spec');
  const group = str(get(doc, spec, 'group'));
  const kind = str(get(doc, get(doc, spec, 'names'), 'kind'));
  const versions = get(doc, spec, 'versions');
  if (!group || !kind || !isSeq(versions)) return undefined;
  const budget: Budget = { left: MAX_SCHEMA_NODES };
  const out: CrdVersion[] = [];
  for (const item of versions.items) {
    const v = resolveNode(doc, item);
    const name = str(get(doc, v, 'name'));
    if (!name) continue;
    const schemaNode = get(doc, get(doc, v, 'schema'), 'openAPIV3Schema');
    const subresources = get(doc, v, 'subresources');
    out.push({
      name,
      served: bool(get(doc, v, 'served')),
      schema: isMap(schemaNode) ? readSchema(doc, schemaNode, 0, budget) : undefined,
      hasStatusSubresource: isMap(subresources) && get(doc, subresources, 'status') !== null,
    });
  }
  return { group, kind, versions: out };
}
