/**
 * `replicas:` and `replacements:` of a kustomization applied to the objects it builds, as kustomize does after its
 * patches: api/filters/replicacount (spec.replicas of Deployments, ReplicationControllers, ReplicaSets and
 * StatefulSets named so, created when missing: builtinpluginconsts/replicas.go) and api/filters/replacement (one
 * source value, by fieldPath, written to each target's fieldPaths; options delimiter/index split a scalar; create
 * makes a missing path). Field paths as kyaml Lookup reads them: `.`-separated fields, `[key=value]` list items, a
 * number for a list position. What kustomize would fail on (no source, several sources) leaves the objects as they are.
 */
import type { Json } from './strategic-merge';

type JsonMap = { [key: string]: Json };

/** kustomize api/types/replacement.go: a selector's resource id (group, version, kind, name, namespace). */
export interface ResourceSelector {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
}

export interface FieldOptions {
  delimiter?: string;
  index?: number;
  create?: boolean;
}

export interface Replacement {
  source: ResourceSelector & { fieldPath?: string; options?: FieldOptions };
  targets: Array<{ select: ResourceSelector; reject: ResourceSelector[]; fieldPaths: string[]; options?: FieldOptions }>;
}

/** types.DefaultReplacementFieldPath. */
const DEFAULT_FIELD_PATH = 'metadata.name';
const REPLICATED = new Set(['Deployment', 'ReplicationController', 'ReplicaSet', 'StatefulSet']);

function isMap(v: Json | undefined): v is JsonMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The object's resource id as getKrmId reads it (apiVersion split into group and version). */
function matches(object: JsonMap, s: ResourceSelector): boolean {
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
  const meta = isMap(object.metadata) ? object.metadata : {};
  const id: Record<keyof ResourceSelector, unknown> = { group, version, kind: object.kind, name: meta.name, namespace: meta.namespace ?? '' };
  return (Object.keys(id) as Array<keyof ResourceSelector>).every((k) => !s[k] || s[k] === id[k]);
}

/** kyaml's path splitting: dots inside `[…]` belong to the item selector (SmarterPathSplitter). */
export function splitPath(path: string): string[] {
  const out: string[] = [];
  let current = '';
  let depth = 0;
  for (const ch of path) {
    if (ch === '[') depth++;
    if (ch === ']') depth = Math.max(0, depth - 1);
    if (ch === '.' && depth === 0) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

type Slot = { parent: JsonMap | Json[]; key: string | number };

/** kyaml Lookup (LookupCreate with `create`): the slot a path names, or undefined when it is not there. */
function lookup(object: JsonMap, path: string[], create: boolean): Slot | undefined {
  let node: Json = object;
  let slot: Slot | undefined;
  for (let i = 0; i < path.length; i++) {
    const part = path[i]!;
    if (slot) {
      let next = (slot.parent as { [k: string | number]: Json })[slot.key];
      if (next === undefined || next === null) {
        if (!create) return undefined;
        // A missing field is created as what the next step needs: a list for `[k=v]`, else a map.
        next = /^\[.*\]$/.test(part) ? [] : {};
        (slot.parent as { [k: string | number]: Json })[slot.key] = next;
      }
      node = next;
    }
    const item = /^\[([^=\]]*)=(.*)\]$/.exec(part);
    if (item && Array.isArray(node)) {
      const [, key, value] = item;
      let index = node.findIndex((x) => isMap(x) && String(x[key!]) === value);
      if (index < 0) {
        if (!create) return undefined;
        node.push({ [key!]: value! });
        index = node.length - 1;
      }
      slot = { parent: node, key: index };
    } else if (/^\d+$/.test(part) && Array.isArray(node)) {
      if (Number(part) >= node.length) return undefined;
      slot = { parent: node, key: Number(part) };
    } else if (isMap(node)) slot = { parent: node, key: part };
    else return undefined;
  }
  if (!slot) return undefined;
  const value = (slot.parent as { [k: string | number]: Json })[slot.key];
  return value === undefined && !create ? undefined : slot;
}

function scalarText(v: Json): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/** getReplacement: the source's value, refined by its delimiter and index; undefined where kustomize fails. */
function sourceValue(objects: readonly JsonMap[], r: Replacement): Json | undefined {
  const sources = objects.filter((o) => matches(o, r.source));
  if (sources.length !== 1) return undefined;
  const slot = lookup(sources[0]!, splitPath(r.source.fieldPath || DEFAULT_FIELD_PATH), false);
  const value = slot ? (slot.parent as { [k: string | number]: Json })[slot.key]! : undefined;
  const delimiter = r.source.options?.delimiter;
  if (value === undefined || !delimiter) return value;
  const text = scalarText(value);
  const parts = text?.split(delimiter);
  const index = r.source.options?.index ?? 0;
  return parts && index >= 0 && index < parts.length ? parts[index]! : undefined;
}

/** setTargetValue: the value, or with a delimiter the target's scalar with its index-th part replaced (or prepended, appended). */
function targetValue(current: Json | undefined, value: Json, options: FieldOptions | undefined): Json | undefined {
  if (!options?.delimiter) return JSON.parse(JSON.stringify(value)) as Json;
  const text = current === undefined ? undefined : scalarText(current);
  const v = scalarText(value);
  if (text === undefined || v === undefined) return undefined;
  const parts = text.split(options.delimiter);
  const index = options.index ?? 0;
  if (index < 0) parts.unshift(v);
  else if (index >= parts.length) parts.push(v);
  else parts[index] = v;
  return parts.join(options.delimiter);
}

/** Field paths looked up in all (a hostile kustomization could ask for entries × targets × objects × paths). */
export const MAX_LOOKUPS = 20_000;

/** `objects` after the replacements (changed in place: pass copies). */
export function applyReplacements(objects: JsonMap[], replacements: readonly Replacement[]): void {
  let budget = MAX_LOOKUPS;
  for (const r of replacements) {
    if ((budget -= objects.length) <= 0) return;
    const value = sourceValue(objects, r);
    if (value === undefined) continue;
    for (const t of r.targets) {
      for (const object of objects) {
        if (!matches(object, t.select) || t.reject.some((s) => matches(object, s))) continue;
        for (const path of t.fieldPaths.length ? t.fieldPaths : [DEFAULT_FIELD_PATH]) {
          if (--budget <= 0) return;
          const slot = lookup(object, splitPath(path), t.options?.create === true);
          if (!slot) continue;
          const next = targetValue((slot.parent as { [k: string | number]: Json })[slot.key], value, t.options);
          if (next !== undefined) (slot.parent as { [k: string | number]: Json })[slot.key] = next;
        }
      }
    }
  }
}

/** ReplicaCountTransformer: spec.replicas of the replicated kinds with that name (any group), created when missing. */
export function applyReplicas(objects: JsonMap[], replicas: ReadonlyArray<{ name: string; count: number }>): void {
  for (const { name, count } of replicas) {
    for (const o of objects) {
      if (typeof o.kind !== 'string' || !REPLICATED.has(o.kind) || !isMap(o.metadata) || o.metadata.name !== name) continue;
      if (!isMap(o.spec)) o.spec = {};
      (o.spec as JsonMap).replicas = count;
    }
  }
}
