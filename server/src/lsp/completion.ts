/** textDocument/completion: value and field-name completions from the core. */
import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem, type CompletionParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completionsAt } from '../analysis/completion/index';
import { toOffset, toRange } from './convert';
import type { DocumentCache } from './document-cache';
import type { KubernetesTarget } from '../analysis/k8s/target';

export function complete(doc: TextDocument, params: CompletionParams, cache: DocumentCache, target?: KubernetesTarget): CompletionItem[] {
  if (cache.skipped(doc)) return [];
  return completionsAt(cache.model(doc), toOffset(doc, params.position), target).map((item) => ({
    label: item.label,
    kind: item.kind === 'field' ? CompletionItemKind.Property : CompletionItemKind.EnumMember,
    detail: item.detail,
    documentation: { kind: MarkupKind.Markdown, value: item.documentation },
    textEdit: { range: toRange(doc, item.span), newText: item.insertText ?? item.label },
    ...(item.isSnippet ? { insertTextFormat: InsertTextFormat.Snippet, insertTextMode: InsertTextMode.adjustIndentation } : {}),
    ...(item.sortText ? { sortText: item.sortText } : {}),
  }));
}
