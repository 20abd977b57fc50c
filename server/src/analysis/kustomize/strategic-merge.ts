/**
 * A strategic-merge patch applied to an object as kustomize does it (kyaml merge2 with ListIncreaseDirection
 * Prepend, api/filters/patchstrategicmerge): maps merge field by field, `null` deletes a field, `$patch: delete`
 * removes a map or a list item, `$patch: replace` replaces a map (or, as a list item, the whole list), lists with a
 * merge key (merge-keys.ts) merge item by item, lists without one are replaced whole. Pure, on decoded JSON values.
 */
import { catalogField, shapeOf, typeOfKind } from '../schema/catalog';
import { mergeKeyOf } from './merge-keys';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonMap = { [key: string]: Json };

/** Deeper than any real object; bounds a hostile patch nested a million levels. */
const MAX_DEPTH = 100;

function isMap(v: Json | undefined): v is JsonMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The catalog type of a field of a struct (the item type for a list, the value type for a map). */
function childType(typeName: string | undefined, field: string): string | undefined {
  const t = typeName ? catalogField(typeName, field)?.t : undefined;
  if (!t) return undefined;
  const shape = shapeOf(t);
  return shape.kind === 'struct' ? shape.name : shape.kind === 'list' ? shapeOf(shape.item).kind === 'struct' ? shape.item : undefined : shape.kind === 'map' ? shape.value : undefined;
}

const DIRECTIVE = /^\$(patch|retainKeys)$|^\$(setElementOrder|deleteFromPrimitiveList)\//;

/** A patch value with its directives taken out (what a field set by `$patch: replace` or a new item holds). */
function withoutDirectives(v: Json, depth = 0): Json {
  if (depth > MAX_DEPTH) return null;
  if (Array.isArray(v)) return v.filter((i) => !(isMap(i) && i.$patch !== undefined && Object.keys(i).length === 1)).map((i) => withoutDirectives(i, depth + 1));
  if (!isMap(v)) return v;
  const out: JsonMap = {};
  for (const [k, x] of Object.entries(v)) if (!DIRECTIVE.test(k) && x !== null) out[k] = withoutDirectives(x, depth + 1);
  return out;
}

/** The merged map, or undefined when the patch deletes it. */
function mergeMap(base: JsonMap, patch: JsonMap, typeName: string | undefined, depth: number): JsonMap | undefined {
  if (patch.$patch === 'delete') return undefined;
  if (patch.$patch === 'replace') return withoutDirectives(patch) as JsonMap;
  const out: JsonMap = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const primitiveDelete = /^\$deleteFromPrimitiveList\/(.+)$/.exec(key);
    if (primitiveDelete && Array.isArray(value) && Array.isArray(out[primitiveDelete[1]!])) {
      out[primitiveDelete[1]!] = (out[primitiveDelete[1]!] as Json[]).filter((x) => !value.includes(x));
    }
    if (DIRECTIVE.test(key)) continue;
    if (value === null) {
      delete out[key];
      continue;
    }
    const merged = mergeValue(out[key], value, typeName, key, depth + 1);
    if (merged === undefined) delete out[key];
    else out[key] = merged;
  }
  // `$retainKeys` (fields with patchStrategy retainKeys, such as volumes' sources): only the listed fields stay.
  if (Array.isArray(patch.$retainKeys)) for (const key of Object.keys(out)) if (!patch.$retainKeys.includes(key)) delete out[key];
  return out;
}

function mergeValue(base: Json | undefined, patch: Json, typeName: string | undefined, field: string, depth: number): Json | undefined {
  if (depth > MAX_DEPTH) return withoutDirectives(patch);
  if (isMap(patch)) return isMap(base) ? mergeMap(base, patch, childType(typeName, field), depth) : patch.$patch === 'delete' ? undefined : withoutDirectives(patch);
  if (Array.isArray(patch)) {
    const key = mergeKeyOf(typeName, field);
    if (!Array.isArray(base) || key === undefined) return withoutDirectives(patch);
    return key === '' ? mergeSet(base, patch) : mergeList(base, patch, key, childType(typeName, field), depth);
  }
  return patch;
}

/** Scalars merged as a set (finalizers): the patch's first, then the base's others (associative_sequence.go, Prepend). */
function mergeSet(base: Json[], patch: Json[]): Json[] {
  const out: Json[] = [];
  for (const v of [...patch, ...base]) if (!out.includes(v)) out.push(v);
  return out;
}

/**
 * Items matched by their merge key: items the patch names come first, in the patch's order, merged with the base's
 * (associative_sequence.go elementValues with ListIncreaseDirection Prepend), then the base's other items in order.
 * An item with `$patch: delete` removes the base's item; a `{$patch: replace}` item makes the patch's items the list.
 */
function mergeList(base: Json[], patch: Json[], key: string | string[], itemType: string | undefined, depth: number): Json[] {
  if (patch.some((i) => isMap(i) && i.$patch === 'replace')) return withoutDirectives(patch) as Json[];
  const keys = Array.isArray(key) ? key : [key];
  const value = (item: JsonMap, k: string): string | undefined => (item[k] === undefined || item[k] === null ? undefined : JSON.stringify(item[k]));
  // An item is matched on the keys it has values for (validateKeys): a patch port without `protocol` is the base's
  // port of that number.
  const matches = (patchItem: JsonMap, baseItem: Json): boolean => {
    if (!isMap(baseItem)) return false;
    const given = keys.filter((k) => value(patchItem, k) !== undefined);
    return given.length > 0 && given.every((k) => value(patchItem, k) === value(baseItem, k));
  };
  const out: Json[] = [];
  const used = new Set<number>();
  for (const item of patch) {
    if (!isMap(item) || value(item, keys[0]!) === undefined) {
      out.push(withoutDirectives(item));
      continue;
    }
    const at = base.findIndex((b, i) => !used.has(i) && matches(item, b));
    if (at >= 0) used.add(at);
    const merged = at >= 0 ? mergeMap(base[at] as JsonMap, item, itemType, depth + 1) : item.$patch === 'delete' ? undefined : (withoutDirectives(item) as JsonMap);
    if (merged !== undefined) out.push(merged);
  }
  base.forEach((item, i) => {
    if (!used.has(i)) out.push(item);
  });
  return out;
}

/** The object after the patch, or undefined when the patch deletes it (`$patch: delete` at the top). */
export function strategicMerge(base: JsonMap, patch: JsonMap): JsonMap | undefined {
  const apiVersion = typeof base.apiVersion === 'string' ? base.apiVersion : '';
  const kind = typeof base.kind === 'string' ? base.kind : '';
  return mergeMap(base, patch, typeOfKind(apiVersion, kind), 0);
}
