/** textDocument/definition: from a referenced name to the object's `metadata.name` in the workspace. */
import { fileURLToPath } from 'node:url';
import type { DefinitionParams, Location } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { definitionAt } from '../analysis/definition';
import type { WorkspaceView } from '../analysis/workspace-view';
import { toOffset, toRange } from './convert';
import type { DocumentCache } from './document-cache';
import type { FileSystem } from '../fs/file-system';

export async function definition(
  doc: TextDocument,
  params: DefinitionParams,
  cache: DocumentCache,
  ws: WorkspaceView,
  openDocument: (uri: string) => TextDocument | undefined,
  maxFileSize: number,
  fs: FileSystem,
): Promise<Location[]> {
  if (cache.skipped(doc)) return [];
  const locations: Location[] = [];
  for (const d of definitionAt(cache.model(doc), toOffset(doc, params.position), ws)) {
    let target = openDocument(d.uri);
    if (!target) {
      // A closed file is read as the index reads it: a regular file within podLens.maxFileSize, never a FIFO.
      const read = await fs.readFile(fileURLToPath(d.uri), maxFileSize).catch(() => undefined);
      if (!read?.ok) continue;
      target = TextDocument.create(d.uri, 'yaml', 0, read.text);
    }
    locations.push({ uri: d.uri, range: toRange(target, d.span) });
  }
  return locations;
}
