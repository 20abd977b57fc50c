/** textDocument/hover: the core's hover at the cursor, as markdown. */
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hoverAt } from '../analysis/hover/index';
import type { AnalysisOptions } from '../analysis/options';
import { toOffset, toRange } from './convert';
import type { DocumentCache } from './document-cache';

export function hover(doc: TextDocument, params: HoverParams, cache: DocumentCache, options: AnalysisOptions): Hover | null {
  // A skipped file (over podLens.maxFileSize, or binary) has no hovers: not even its positions are computed.
  if (cache.skipped(doc)) return null;
  const model = cache.model(doc);
  const found = hoverAt(model, toOffset(doc, params.position), options);
  if (!found) return null;
  return { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: toRange(doc, found.span) };
}
