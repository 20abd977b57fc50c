/** kustomize-patch-failed: a JSON 6902 patch whose operation does not apply to its target: `kustomize build` stops there. */
import { isSeq } from 'yaml';
import { jsonPatchFailure } from '../kustomize/json-patch-failure';
import { fieldOf } from '../kustomize/patch-spans';
import { resolveNode } from '../model/node-view';
import { shortPlace } from '../hover/kustomize-image';
import type { Rule } from './types';
import { isKustomizePatch } from '../kustomize/patch-workload';

export const kustomizePatchFailed: Rule = {
  id: 'kustomize-patch-failed',
  defaultSeverity: 'error',
  // It reads the patch's target object in the workspace's other files.
  scope: 'workspace',
  title: 'JSON patch that Kustomize cannot apply',
  source:
    'kustomize api/filters/patchjson6902 applies `patchesJson6902` and JSON-patch `patches` entries with github.com/evanphx/json-patch/v5, whose first failing operation ends `kustomize build` with its error.',
  description:
    'A JSON 6902 patch (RFC 6902 operations `add`, `remove`, `replace`, `move`, `copy`, `test`) that a kustomization applies to an object of the workspace, where an operation does not apply to that object as the kustomization builds it: a `replace` or `remove` of a field the object does not have, an `add` under a parent that does not exist, an index past the end of a list, a `test` that does not hold. `kustomize build` (and `kubectl apply -k`, Argo CD, Flux) stops with the error quoted in the finding; nothing is applied.',
  howToFix:
    'Point the operation at a field the object has (the base may have changed), use `add` for a field that may be missing (it sets a map key whether it exists or not), or append to a list with `-` rather than an index.',
  check({ document, options, report }) {
    if (!isKustomizePatch(options)) return;
    const failure = jsonPatchFailure(document, options.kustomizeBases ?? [], options.kustomize.patchTargets, options.kustomizeOtherPatches);
    if (!failure) return;
    const items = resolveNode(document.doc, document.doc.contents);
    const op = isSeq(items) ? items.items[failure.index] : undefined;
    const node = (fieldOf(document.doc, op, 'path') ?? op) as { range?: [number, number, number] } | undefined;
    if (!node?.range) return;
    report({
      message: `Kustomize cannot apply this operation to the ${failure.kind} in ${shortPlace(failure.basePlace)}: "${failure.message}". kustomize build stops there and nothing is applied.`,
      span: { start: node.range[0], end: node.range[1] },
    });
  },
};
