/**
 * Where a finding of an object a JSON 6902 patch made (merged-object.ts) belongs in the patch: the operation that
 * wrote the field (the last one whose target path holds it), at the field inside its `value`; a field no operation
 * wrote belongs to the base. json-patch.ts records where each operation wrote, list positions resolved.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import { resolveNode } from '../model/node-view';
import type { Span } from '../model/span';
import type { AppliedOp } from './json-patch';
import { fieldOf, placeAt, type Place } from './patch-spans';

function rangeOf(node: unknown): Span | undefined {
  const r = (node as Node | null | undefined)?.range;
  return r ? { start: r[0], end: r[1] } : undefined;
}

function isPrefix(prefix: ReadonlyArray<string | number>, path: ReadonlyArray<string | number>): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => s === path[i]);
}

/** The node at `rest` inside an operation's value (the key itself when the place is a key), or undefined. */
function inside(patch: Document, value: unknown, rest: ReadonlyArray<string | number>, part: Place['part']): Span | undefined {
  let node = value;
  let key: unknown;
  for (const segment of rest) {
    const n = resolveNode(patch, node);
    key = undefined;
    if (typeof segment === 'string' && isMap(n)) {
      const pair = n.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
      if (!pair) return undefined;
      key = pair.key;
      node = pair.value;
    } else if (typeof segment === 'number' && isSeq(n) && segment < n.items.length) node = n.items[segment];
    else return undefined;
  }
  return rangeOf(part === 'key' && key ? key : node);
}

function spanAt(patch: Document, ops: readonly AppliedOp[], place: Place, nearest: boolean): Span | undefined {
  const items = resolveNode(patch, patch.contents);
  if (!isSeq(items)) return undefined;
  const opNode = (a: AppliedOp) => items.items[a.index];
  const writer = [...ops].reverse().find((a) => isPrefix(a.path, place.path));
  if (writer) {
    const value = fieldOf(patch, opNode(writer), 'value');
    // A moved or copied value has no text here: the operation's `path` is what put it there.
    const found = value === undefined ? undefined : inside(patch, value, place.path.slice(writer.path.length), place.part);
    return found ?? (nearest || value === undefined ? rangeOf(fieldOf(patch, opNode(writer), 'path')) : undefined);
  }
  // A problem on a field the base sets, made by what an operation wrote below it: that operation's path.
  const below = nearest ? [...ops].reverse().find((a) => isPrefix(place.path, a.path)) : undefined;
  return below ? rangeOf(fieldOf(patch, opNode(below), 'path')) : undefined;
}

/** A finding's span in the merged document (local spans of both) mapped to the JSON patch, or undefined. */
export function jsonPatchSpan(merged: Document, patch: Document, ops: readonly AppliedOp[], span: Span, nearest = false): Span | undefined {
  const start = placeAt(merged, span.start);
  if (!start || start.path.length === 0) return undefined;
  const from = spanAt(patch, ops, start, nearest);
  if (!from) return undefined;
  const endPlace = span.end > span.start ? placeAt(merged, span.end - 1) : undefined;
  const to = endPlace && endPlace.path.length > 0 ? spanAt(patch, ops, endPlace, false) : undefined;
  return to && to.end >= from.start ? { start: from.start, end: to.end } : from;
}
