/**
 * A Kustomize patch document merged onto its base object: the base found among the files its kustomization builds
 * (by the patch's kind and name, as kustomize matches a strategic-merge patch without `target`), merged as
 * strategic-merge.ts does, and written as JSON (valid YAML with no YAML 1.1 surprises) so the usual model reads it.
 */
import { parseManifests, type ManifestDocument, type ManifestModel } from '../model/manifest';
import type { KubeValue } from '../yaml/decode';
import { applyJsonPatch, isJsonPatch, type AppliedOp } from './json-patch';
import { applyReplacements, applyReplicas, type Replacement } from './replacements';
import { strategicMerge, type Json } from './strategic-merge';
import type { PatchTarget } from './kustomization';
import { literalHints, targetMatches, type TargetObject } from './target-match';

export interface PatchBase {
  place: string;
  text: string;
}

export interface MergedObject {
  /** The merged object as a model of its own (one document, JSON text). */
  model: ManifestModel;
  /** Where the base object is. */
  base: { place: string; model: ManifestModel; document: ManifestDocument };
  /** The object the kustomization builds without this patch (its other patches applied): what the base side holds. */
  without: ManifestModel;
  /** For a JSON 6902 patch: where each operation wrote its value, to bring findings back to the operation. */
  ops?: AppliedOp[];
}

/** Another patch of the same kustomization, applied before or after this one, at its targets when it has some. */
export interface OtherPatch extends PatchBase {
  isBefore: boolean;
  targets?: PatchTarget[];
}

/** Deeper than any real object: a base or patch past it is not merged. */
const MAX_DEPTH = 100;

/** JSON text of a decoded value; Go's large integers (bigint) are written as they are. */
function jsonText(v: KubeValue | Json, depth = 0): string {
  if (depth > MAX_DEPTH) throw new RangeError('too deep');
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return `[${v.map((x) => jsonText(x, depth + 1)).join(',')}]`;
  if (v !== null && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${jsonText(x, depth + 1)}`).join(',')}}`;
  return JSON.stringify(v);
}

function isObject(v: KubeValue | undefined): v is { [key: string]: KubeValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Base files parsed once per analysis of a patch file (place → model), whatever its number of documents. */
export type BaseModels = Map<string, ManifestModel>;

/** Which objects a patch applies to: its `target`s when the kustomization gives some, else its own kind and name. */
export type PatchTargets = readonly PatchTarget[];

/** The base object of a patch document, among the base files' documents: its targets, else its own kind and name. */
export function findBase(patch: ManifestDocument, bases: readonly PatchBase[], parsed: BaseModels, targets: PatchTargets): MergedObject['base'] | undefined {
  // A patch without target applies to the object of its own kind and name (plain text, no pattern).
  const wanted: PatchTargets = targets.length ? targets : [{ kind: patch.kind, name: patch.name }];
  const isWanted = (d: ManifestDocument) =>
    isObject(d.value) && (targets.length ? targets.some((t) => targetMatches(t, d.value as TargetObject)) : d.kind === patch.kind && d.name === patch.name);
  for (const base of bases) {
    // Most base files define other objects: a file whose text never names the object wanted is not parsed.
    if (!wanted.some((t) => literalHints(t).every((h) => base.text.includes(h)))) continue;
    let model = parsed.get(base.place);
    if (!model) parsed.set(base.place, (model = parseManifests(base.text)));
    for (const document of model.documents) {
      if (isWanted(document) && isObject(document.value)) return { place: base.place, model, document };
    }
  }
  return undefined;
}

export type JsonMap = { [key: string]: Json };

/** The other patches' documents for the same object (kind and name), applied in order; a patch that deletes it ends the chain. */
export function applyOthers(object: JsonMap | undefined, others: readonly OtherPatch[], parsed: BaseModels): JsonMap | undefined {
  let out = object;
  for (const other of others) {
    if (!out) return undefined;
    let model = parsed.get(other.place);
    if (!model) parsed.set(other.place, (model = parseManifests(other.text)));
    const targets = other.targets ?? [];
    const selected = targets.length ? targets.some((t) => targetMatches(t, out as TargetObject)) : undefined;
    for (const d of model.documents) {
      if (!out) break;
      if (isJsonPatch(d.value)) {
        // kustomize fails the build where an operation fails (kustomize-patch-failed on that file): the object stays.
        const result = selected ? applyJsonPatch(out, d.value as unknown as JsonMap[]) : undefined;
        if (result?.ok && isObject(result.value as KubeValue)) out = result.value as JsonMap;
      } else if (isObject(d.value) && (selected ?? (d.kind === out.kind && d.name === (out.metadata as JsonMap | undefined)?.name))) out = strategicMerge(out, d.value as JsonMap);
    }
  }
  return out;
}

/** What the kustomization does after its patches: `replicas:` and `replacements:` (their sources among the bases). */
export interface AfterPatches {
  replicas?: ReadonlyArray<{ name: string; count: number }>;
  replacements?: readonly Replacement[];
}

function afterPatches(object: JsonMap, base: MergedObject['base'], bases: readonly PatchBase[], parsed: BaseModels, after: AfterPatches): JsonMap {
  if (!after.replicas?.length && !after.replacements?.length) return object;
  const self = JSON.parse(jsonText(object)) as JsonMap;
  applyReplicas([self], after.replicas ?? []);
  if (after.replacements?.length) {
    // The sources are the build's other objects as written (their own patches aside), and this object as patched.
    const others: JsonMap[] = [];
    for (const b of bases) {
      let model = parsed.get(b.place);
      if (!model) parsed.set(b.place, (model = parseManifests(b.text)));
      for (const d of model.documents) if (d !== base.document && isObject(d.value)) others.push(JSON.parse(jsonText(d.value)) as JsonMap);
    }
    applyReplacements([self, ...others], after.replacements);
  }
  return self;
}

export function mergedObject(
  patch: ManifestDocument,
  bases: readonly PatchBase[],
  parsed: BaseModels = new Map(),
  targets: PatchTargets = [],
  others: readonly OtherPatch[] = [],
  after: AfterPatches = {},
): MergedObject | undefined {
  // A JSON 6902 patch names no object: kustomize requires a target for it (and applies it only there).
  const isJson = targets.length > 0 && isJsonPatch(patch.value);
  if ((!targets.length && (!patch.kind || !patch.name)) || (!isObject(patch.value) && !isJson)) return undefined;
  const base = findBase(patch, bases, parsed, targets);
  if (!base) return undefined;
  try {
    // kustomize applies a kustomization's patches in order: the ones listed before this patch, this one, the rest.
    const before = applyOthers(base.document.value as JsonMap, others.filter((o) => o.isBefore), parsed);
    const later = others.filter((o) => !o.isBefore);
    let patched: JsonMap | undefined;
    let ops: AppliedOp[] | undefined;
    if (isJson) {
      const result = before && applyJsonPatch(before, patch.value as unknown as JsonMap[]);
      // A failing operation stops the build (kustomize-patch-failed says so): there is no object to analyse.
      if (!result?.ok || !isObject(result.value as KubeValue)) return undefined;
      patched = result.value as JsonMap;
      ops = result.applied;
    } else patched = before && strategicMerge(before, patch.value as JsonMap);
    const merged = applyOthers(patched, later, parsed);
    const without = applyOthers(before, later, parsed);
    if (!merged || !without) return undefined;
    return {
      model: parseManifests(jsonText(afterPatches(merged, base, bases, parsed, after))),
      base,
      without: parseManifests(jsonText(afterPatches(without, base, bases, parsed, after))),
      ...(ops ? { ops } : {}),
    };
  } catch {
    return undefined;
  }
}
