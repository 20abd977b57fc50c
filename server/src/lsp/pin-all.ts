/** "Pin all images in this file": resolves distinct images (4 at a time) and applies one workspace edit. */
import { ResponseError, type CancellationToken, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { imageFields } from '../analysis/fixes/image-fields';
import { pinEdits, planPins } from '../analysis/fixes/pin-plan';
import { mapLimited } from '../async/map-limited';
import type { CommandDeps } from './commands';
import { toRange } from './convert';
import { pinFailureData, type PinFailureData } from './pin-failure';
import type { PinAllResult } from '../../../protocol/commands';

const PARALLEL_LOOKUPS = 4;

export async function pinAllEdits(doc: TextDocument, deps: CommandDeps, token: CancellationToken): Promise<PinAllResult> {
  const version = doc.version;
  const plan = planPins(imageFields(deps.cache.model(doc)));
  const controller = new AbortController();
  token.onCancellationRequested(() => controller.abort());
  const outcomes = await mapLimited(plan.images, PARALLEL_LOOKUPS, async (image): Promise<{ image: string; digest: string } | { image: string; error: PinFailureData }> => {
    try {
      return { image, digest: await deps.pin.digestOf(image, controller.signal) };
    } catch (error) {
      const data = error instanceof ResponseError ? (error.data as PinFailureData | undefined) : undefined;
      return { image, error: data?.podLens === 'pin-failed' ? data : pinFailureData(image, error) };
    }
  });
  const result: PinAllResult = { pinned: [], failed: [], applied: false };
  const digests = new Map<string, string>();
  for (const o of outcomes) {
    if ('error' in o) result.failed.push({ image: o.image, message: o.error.reason, hint: o.error.hint });
    else {
      result.pinned.push(o.image);
      digests.set(o.image, o.digest);
    }
  }
  const edits: TextEdit[] = pinEdits(plan, digests, deps.pin.keepTag()).map((e) => ({ range: toRange(doc, e.field.span), newText: e.newText }));
  const now = deps.documents.get(doc.uri);
  if (edits.length > 0 && now?.version === version) {
    const applied = await deps.connection.workspace.applyEdit({
      label: 'Pin images to digests',
      edit: { documentChanges: [{ textDocument: { uri: doc.uri, version }, edits }] },
    });
    result.applied = applied.applied;
  }
  return result;
}
