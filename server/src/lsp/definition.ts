/** textDocument/definition: from a referenced name to the object's `metadata.name` in the workspace. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DefinitionParams, Location } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { definitionAt } from '../analysis/definition';
import type { WorkspaceView } from '../analysis/workspace-view';
import { toOffset, toRange } from './convert';
import type { DocumentCache } from './document-cache';

export function definition(doc: TextDocument, params: DefinitionParams, cache: DocumentCache, ws: WorkspaceView, openDocument: (uri: string) => TextDocument | undefined): Location[] {
  if (cache.skipped(doc)) return [];
  return definitionAt(cache.model(doc), toOffset(doc, params.position), ws).flatMap((d) => {
    let target = openDocument(d.uri);
    if (!target) {
      try {
        target = TextDocument.create(d.uri, 'yaml', 0, readFileSync(fileURLToPath(d.uri), 'utf8'));
      } catch {
        return [];
      }
    }
    return [{ uri: d.uri, range: toRange(target, d.span) }];
  });
}
