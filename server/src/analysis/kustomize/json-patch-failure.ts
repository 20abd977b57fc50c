/**
 * Whether a JSON 6902 patch document fails on its target, as `kustomize build` would fail: the base object (with the
 * kustomization's patches listed before this one) gets the operations, and the first that does not apply is named.
 */
import type { ManifestDocument } from '../model/manifest';
import { applyJsonPatch, isJsonPatch } from './json-patch';
import { applyOthers, findBase, type JsonMap, type OtherPatch, type PatchBase, type PatchTargets } from './merged-object';

export interface JsonPatchFailure {
  /** The failing operation's position in the patch. */
  index: number;
  /** kustomize's (json-patch's) error text. */
  message: string;
  /** Where the target object is, and its kind. */
  basePlace: string;
  kind: string;
}

export function jsonPatchFailure(patch: ManifestDocument, bases: readonly PatchBase[], targets: PatchTargets, others: readonly OtherPatch[] = []): JsonPatchFailure | undefined {
  if (!targets.length || !isJsonPatch(patch.value)) return undefined;
  const parsed = new Map();
  const base = findBase(patch, bases, parsed, targets);
  if (!base) return undefined;
  const before = applyOthers(base.document.value as JsonMap, others.filter((o) => o.isBefore), parsed);
  if (!before) return undefined;
  const result = applyJsonPatch(before, patch.value as unknown as JsonMap[]);
  return result.ok || result.tooLarge ? undefined : { index: result.index, message: result.message, basePlace: base.place, kind: base.document.kind ?? 'object' };
}
