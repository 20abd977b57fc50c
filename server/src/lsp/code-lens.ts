/** textDocument/codeLens: the core's lenses (startup order) with their commands. */
import type { CodeLens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { codeLenses } from '../analysis/lens/index';
import { toRange } from './convert';
import type { DocumentCache } from './document-cache';
import type { AnalysisOptions } from '../analysis/options';

export function lenses(doc: TextDocument, cache: DocumentCache, options: AnalysisOptions = {}): CodeLens[] {
  if (cache.skipped(doc)) return [];
  return codeLenses(cache.model(doc), options).map((lens) => ({
    range: toRange(doc, lens.span),
    command: lens.command
      ? { title: lens.title, command: lens.command.id, arguments: lens.command.arguments.length ? lens.command.arguments : [doc.uri] }
      : { title: lens.title, command: '' },
  }));
}
