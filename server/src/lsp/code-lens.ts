/** textDocument/codeLens: the core's lenses (startup order) with their commands. */
import type { CodeLens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { codeLenses } from '../analysis/lens/index';
import { toRange } from './convert';
import type { DocumentCache } from './document-cache';
import type { AnalysisOptions } from '../analysis/options';
import type { LensAction } from '../analysis/lens/index';
import { PREVIEW_COMMAND } from '../../../protocol/commands';

/** The client command behind each of the core's lens actions. */
const ACTION_COMMANDS: Record<LensAction, string> = { 'show-startup-preview': PREVIEW_COMMAND };

export function lenses(doc: TextDocument, cache: DocumentCache, options: AnalysisOptions = {}): CodeLens[] {
  if (cache.skipped(doc)) return [];
  return codeLenses(cache.model(doc), options).map((lens) => ({
    range: toRange(doc, lens.span),
    command: lens.action ? { title: lens.title, command: ACTION_COMMANDS[lens.action], arguments: [doc.uri] } : { title: lens.title, command: '' },
  }));
}
