/** textDocument/codeAction and codeAction/resolve: fixes of the findings under the cursor; network work only in resolve. */
import {
  CodeActionKind,
  ResponseError,
  ErrorCodes,
  LSPErrorCodes,
  type CodeAction,
  type CodeActionParams,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisOptions } from '../analysis/options';
import type { Finding, Fix } from '../analysis/rules/types';
import { hasUnpinnedImages, refactorsAt } from '../analysis/fixes/refactors';
import { silencer } from '../analysis/fixes/silence';
import { isKustomizationFileName } from '../analysis/kustomize/kustomization';
import { kustomizeImagePinsAt } from '../analysis/kustomize/pin-entry';
import { PIN_ALL_COMMAND } from '../../../protocol/commands';
import { spansIntersect, toRange, toSpan } from './convert';
import { toDiagnostic } from './diagnostics';
import type { DocumentCache } from './document-cache';

const KIND: Record<Fix['kind'], string> = {
  quickfix: CodeActionKind.QuickFix,
  refactor: CodeActionKind.RefactorRewrite,
  source: CodeActionKind.Source,
};

/** Data carried from listing to resolve for fixes that need the network. */
export interface DeferredActionData {
  uri: string;
  version: number;
  fix: NonNullable<Fix['deferred']>;
}

export function listCodeActions(
  doc: TextDocument,
  params: CodeActionParams,
  cache: DocumentCache,
  options: AnalysisOptions,
): CodeAction[] {
  const wanted = toSpan(doc, params.range);
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const accepts = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const findings = cache.analysis(doc, options).findings.filter((f) => spansIntersect(f.span, wanted));
  const quickFixed = new Set<number>();
  const silences: CodeAction[] = [];
  const silenceTitles = new Set<string>();
  const silenceFixes = silencer(doc.getText());
  for (const finding of findings) {
    for (const fix of finding.fixes ?? []) {
      if (fix.deferred) quickFixed.add(fix.deferred.span.start);
      if (accepts(KIND[fix.kind])) actions.push(toAction(doc, finding, fix));
    }
    // After every repair: silencing is the last resort, offered once per rule and place.
    if (!accepts(CodeActionKind.QuickFix)) continue;
    for (const fix of silenceFixes(finding)) {
      const key = `${fix.title}@${fix.edits?.[0]?.span.start}`;
      if (silenceTitles.has(key)) continue;
      silenceTitles.add(key);
      silences.push(toAction(doc, finding, fix));
    }
  }
  const model = cache.model(doc);
  // "Pin to digest" as a refactoring on images that no finding already offers it for (e.g. nginx:1.27).
  for (const fix of refactorsAt(model, wanted)) {
    if (fix.deferred && !quickFixed.has(fix.deferred.span.start) && accepts(KIND[fix.kind])) actions.push(toAction(doc, undefined, fix));
  }
  // A kustomization's `images:` entry pins into its `digest:` field.
  if (isKustomizationFileName(doc.uri)) {
    for (const fix of kustomizeImagePinsAt(model, wanted)) if (accepts(KIND[fix.kind])) actions.push(toAction(doc, undefined, fix));
  }
  const pinAll = (kind: string): CodeAction => ({ title: PIN_ALL_TITLE, kind, command: { title: PIN_ALL_TITLE, command: PIN_ALL_COMMAND, arguments: [doc.uri] } });
  if (accepts(PIN_ALL_KIND) && hasUnpinnedImages(model)) actions.push(pinAll(PIN_ALL_KIND));
  // The light bulb shows quick fixes and refactorings, not source actions: next to a "Pin to digest" the whole file's
  // pin is offered there too, so it is found where the single pin is.
  if (accepts(PIN_ALL_BULB_KIND) && actions.some((a) => (a.data as DeferredActionData | undefined)?.fix?.type === 'pin-digest')) actions.push(pinAll(PIN_ALL_BULB_KIND));
  return [...actions, ...silences];
}

const PIN_ALL_TITLE = 'Pin all images in this file to digests';
/** The source action kind of "pin all": only offered when asked for source actions or with no filter. */
const PIN_ALL_KIND = `${CodeActionKind.Source}.pinDigests`;
/** The same command as a refactoring, for the light bulb. */
const PIN_ALL_BULB_KIND = `${CodeActionKind.RefactorRewrite}.pinDigests`;

function toAction(doc: TextDocument, finding: Finding | undefined, fix: Fix): CodeAction {
  const action: CodeAction = {
    title: fix.title,
    kind: KIND[fix.kind],
    diagnostics: fix.kind === 'quickfix' && finding ? [toDiagnostic(doc, finding)] : undefined,
    ...(fix.isPreferred ? { isPreferred: true } : {}),
  };
  if (fix.edits) {
    action.edit = { changes: { [doc.uri]: fix.edits.map((e) => ({ range: toRange(doc, e.span), newText: e.newText })) } };
  } else if (fix.deferred) {
    const data: DeferredActionData = { uri: doc.uri, version: doc.version, fix: fix.deferred };
    action.data = data;
  }
  return action;
}

/** Computes a deferred edit; throws a ResponseError with a message in the user's words on failure. */
export type DeferredFixResolver = (fix: DeferredActionData['fix'], signal: AbortSignal) => Promise<string>;

export async function resolveCodeAction(
  action: CodeAction,
  getDocument: (uri: string) => TextDocument | undefined,
  resolveFix: DeferredFixResolver,
  signal: AbortSignal,
): Promise<CodeAction> {
  const data = action.data as DeferredActionData | undefined;
  if (!data?.fix || action.edit) return action;
  const doc = getDocument(data.uri);
  if (!doc) throw new ResponseError(ErrorCodes.InvalidParams, 'The document was closed.');
  // The document may have changed while the user looked at the menu: edit only if the image text is still there.
  const current = doc.getText().slice(data.fix.span.start, data.fix.span.end);
  const expected = data.fix.into ? data.fix.into.before : `${data.fix.quote}${data.fix.image}${data.fix.quote}`;
  if (current !== expected) throw new ResponseError(LSPErrorCodes.ContentModified, 'The image changed since the fix was offered.');
  const newText = await resolveFix(data.fix, signal);
  const edit: WorkspaceEdit = { changes: { [doc.uri]: [{ range: toRange(doc, data.fix.span), newText }] } };
  return { ...action, edit };
}

/** codeAction/resolve with work-done progress while the registry is asked (a no-op for clients without progress). */
export async function resolveWithProgress(
  connection: import('vscode-languageserver').Connection,
  action: CodeAction,
  getDocument: (uri: string) => TextDocument | undefined,
  resolveFix: DeferredFixResolver,
  signal: AbortSignal,
): Promise<CodeAction> {
  const image = (action.data as DeferredActionData | undefined)?.fix?.image;
  const progress = image ? await connection.window.createWorkDoneProgress() : undefined;
  progress?.begin('Pod Lens', undefined, `Resolving ${image}…`, false);
  try {
    return await resolveCodeAction(action, getDocument, resolveFix, signal);
  } finally {
    progress?.done();
  }
}
