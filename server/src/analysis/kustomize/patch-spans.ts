/**
 * Where a finding of a merged object (merged-object.ts) belongs in the patch: the field at the finding's place in the
 * merged JSON is looked up in the patch by the same path, list items matched by their merge key (lists without one
 * are the patch's own, replaced whole). A field the patch does not set belongs to the base: no span.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import { resolveNode } from '../model/node-view';
import type { Span } from '../model/span';

export type Segment = string | number;

/** Merge keys of the built-in lists (merge-keys.ts), most specific first: a port has a name too, but merges by containerPort. */
const KEY_FIELDS = ['containerPort', 'mountPath', 'devicePath', 'ip', 'topologyKey', 'uid', 'name'];

export interface Place {
  path: Segment[];
  part: 'key' | 'value';
}

function within(node: { range?: [number, number, number] | null } | null | undefined, offset: number): boolean {
  const r = node?.range;
  return !!r && r[0] <= offset && offset < Math.max(r[1], r[0] + 1);
}

/** The path to the deepest key or value at an offset of a document. */
export function placeAt(doc: Document, offset: number): Place | undefined {
  const path: Segment[] = [];
  let node = resolveNode(doc, doc.contents);
  for (let depth = 0; depth < 200 && node; depth++) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && (within(p.key as Node, offset) || within(p.value as Node, offset)));
      if (!pair || !isScalar(pair.key)) return { path, part: 'value' };
      path.push(String(pair.key.value));
      if (within(pair.key as Node, offset)) return { path, part: 'key' };
      node = resolveNode(doc, pair.value);
    } else if (isSeq(node)) {
      const index = node.items.findIndex((i) => within(i as Node, offset));
      if (index < 0) return { path, part: 'value' };
      path.push(index);
      node = resolveNode(doc, node.items[index]);
    } else return { path, part: 'value' };
  }
  return undefined;
}

export function scalar(doc: Document, node: unknown): unknown {
  const n = resolveNode(doc, node);
  return isScalar(n) ? n.value : undefined;
}

export function fieldOf(doc: Document, map: unknown, key: string): Node | null | undefined {
  const m = resolveNode(doc, map);
  if (!isMap(m)) return undefined;
  const pair = m.items.find((p) => isScalar(p.key) && p.key.value === key);
  return pair ? (pair.value as Node | null) : undefined;
}

/**
 * The span in the patch of the field at `place` of the merged document. When the patch does not set that field,
 * `nearest` asks for the deepest field on its path the patch does set (its key), else there is none.
 */
function patchSpanOf(merged: Document, patch: Document, place: Place, nearest = false): Span | undefined {
  let m: unknown = merged.contents;
  let p: unknown = patch.contents;
  let keyNode: Node | null = null;
  let deepest: Node | null = null;
  const fallback = (): Span | undefined => (nearest && deepest?.range ? { start: deepest.range[0], end: deepest.range[1] } : undefined);
  for (const segment of place.path) {
    if (keyNode) deepest = keyNode;
    keyNode = null;
    const mNode = resolveNode(merged, m);
    const pNode = resolveNode(patch, p);
    if (typeof segment === 'string') {
      if (!isMap(pNode)) return fallback();
      const pair = pNode.items.find((x) => isScalar(x.key) && x.key.value === segment);
      if (!pair) return fallback();
      keyNode = pair.key as Node;
      m = fieldOf(merged, mNode, segment);
      p = pair.value;
    } else {
      if (!isSeq(mNode) || !isSeq(pNode)) return fallback();
      const item = mNode.items[segment];
      const key = KEY_FIELDS.find((k) => scalar(merged, fieldOf(merged, item, k)) !== undefined);
      let index = segment;
      if (key !== undefined) {
        const want = scalar(merged, fieldOf(merged, item, key));
        index = pNode.items.findIndex((x) => scalar(patch, fieldOf(patch, x, key)) === want);
        if (index < 0) return fallback();
      } else if (segment >= pNode.items.length) return fallback();
      keyNode = null;
      m = item;
      p = pNode.items[index];
      // Within a list item, what the patch changed is that item: named by its merge key's value when it has one.
      const named = key === undefined ? undefined : fieldOf(patch, p, key);
      deepest = named ?? (resolveNode(patch, p) as Node | null);
    }
  }
  const node = place.part === 'key' ? keyNode : resolveNode(patch, p) === null ? null : (p as Node);
  const range = node?.range;
  return range ? { start: range[0], end: range[1] } : undefined;
}

/**
 * A finding's span in the merged document mapped to the patch (local spans of both), or undefined. With `nearest`, a
 * field only the base sets maps to the deepest field on its path that the patch sets (what the patch changed there).
 */
export function patchSpan(merged: Document, patch: Document, span: Span, nearest = false): Span | undefined {
  const start = placeAt(merged, span.start);
  if (!start || start.path.length === 0) return undefined;
  const exact = patchSpanOf(merged, patch, start);
  if (!exact) return nearest ? patchSpanOf(merged, patch, start, true) : undefined;
  const from = exact;
  const endPlace = span.end > span.start ? placeAt(merged, span.end - 1) : undefined;
  const to = endPlace && endPlace.path.length > 0 ? patchSpanOf(merged, patch, endPlace) : undefined;
  return to && to.end >= from.start ? { start: from.start, end: to.end } : from;
}
