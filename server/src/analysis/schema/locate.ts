/** Finds the catalog field under an offset: walks the document's nodes from the root, following the schema. */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node, Pair } from 'yaml';
import type { ManifestDocument } from '../model/manifest';
import { fieldPath, indexPath, nodeSpan, resolveNode } from '../model/node-view';
import type { Span } from '../model/span';
import { catalogField, shapeOf, typeOfKind, type CatalogField } from './catalog';
import { scalarValueAsKubernetesReads } from './read-scalar';

export interface FieldLocation {
  /** The struct type holding the key. */
  parentType: string;
  key: string;
  /** Undefined when the key is not a field of `parentType`. */
  field: CatalogField | undefined;
  keySpan: Span;
  /** The cursor is on the key (else on its scalar value). */
  onKey: boolean;
  valueSpan?: Span;
  path: string;
}

function contains(range: Node['range'] | undefined, offset: number): boolean {
  return !!range && range[0] <= offset && offset <= range[1];
}

/** The root type of an object node from its apiVersion and kind. */
export function rootTypeOf(doc: Document, node: Node): string | undefined {
  if (!isMap(node)) return undefined;
  let apiVersion: unknown;
  let kind: unknown;
  for (const p of node.items) {
    if (!isScalar(p.key)) continue;
    if (p.key.value === 'apiVersion') apiVersion = scalarValueAsKubernetesReads(resolveNode(doc, p.value));
    if (p.key.value === 'kind') kind = scalarValueAsKubernetesReads(resolveNode(doc, p.value));
  }
  return typeof apiVersion === 'string' && typeof kind === 'string' ? typeOfKind(apiVersion, kind) : undefined;
}

export function fieldAt(document: ManifestDocument, offset: number): FieldLocation | undefined {
  const root = document.root?.node;
  if (!root) return undefined;
  const type = rootTypeOf(document.doc, root);
  return type ? inStruct(document.doc, root, type, '', offset) : inCustomTemplate(document, offset);
}

/** A custom resource has no type here, but the pod templates it embeds are PodTemplateSpecs (as validate.ts checks them). */
function inCustomTemplate(document: ManifestDocument, offset: number): FieldLocation | undefined {
  for (const w of document.workloads) {
    if (!w.kind.custom?.hasPodSchema) continue;
    const at = w.template ?? w.podSpec.view;
    if (!contains(at.node.range, offset)) continue;
    return inStruct(document.doc, at.node, w.template ? 'V1PodTemplateSpec' : 'V1PodSpec', at.path, offset);
  }
  return undefined;
}

function inStruct(doc: Document, node: Node, type: string, path: string, offset: number): FieldLocation | undefined {
  if (!isMap(node)) return undefined;
  for (const item of node.items) {
    const pair = item as Pair;
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const keyNode = pair.key as Node;
    const at = fieldPath(path, key);
    const field = catalogField(type, key);
    const keySpan = nodeSpan(keyNode, { start: 0, end: 0 });
    if (contains(keyNode.range, offset)) return { parentType: type, key, field, keySpan, onKey: true, path: at };
    const raw = pair.value as Node | null;
    if (!raw || !contains(raw.range, offset)) continue;
    if (!field) return undefined;
    const value = resolveNode(doc, raw);
    if (type === 'List' && key === 'items' && isSeq(value)) {
      for (const [i, it] of value.items.entries()) {
        const n = resolveNode(doc, it);
        if (n && contains(n.range, offset)) {
          const t = rootTypeOf(doc, n);
          return t ? inStruct(doc, n, t, indexPath(at, i), offset) : undefined;
        }
      }
      return undefined;
    }
    const inner = value ? inValue(doc, value, field.t, at, offset) : undefined;
    if (inner) return inner;
    if (isScalar(value)) return { parentType: type, key, field, keySpan, onKey: false, valueSpan: nodeSpan(raw, keySpan), path: at };
    return undefined;
  }
  return undefined;
}

function inValue(doc: Document, node: Node, t: string, path: string, offset: number): FieldLocation | undefined {
  const shape = shapeOf(t);
  if (shape.kind === 'struct') return inStruct(doc, node, shape.name, path, offset);
  if (shape.kind === 'list' && isSeq(node)) {
    for (const [i, it] of node.items.entries()) {
      const n = resolveNode(doc, it);
      if (n && contains((it as Node).range, offset)) return inValue(doc, n, shape.item, indexPath(path, i), offset);
    }
  }
  if (shape.kind === 'map' && isMap(node)) {
    for (const p of node.items) {
      const v = resolveNode(doc, (p as Pair).value);
      if (v && contains(((p as Pair).value as Node | null)?.range, offset) && isScalar((p as Pair).key)) return inValue(doc, v, shape.value, indexPath(path, String((p as Pair).key && (p.key as { value: unknown }).value)), offset);
    }
  }
  return undefined;
}
