/**
 * Keeps the workspace index current: an initial scan of the workspace folders (in the background), the client's file
 * watcher, and the text of open documents (which wins over the file on disk while the document is open).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { FileChangeType, type Connection, type WorkspaceFolder } from 'vscode-languageserver';
import type { ManifestModel } from '../analysis/model/manifest';
import type { Runtime } from '../runtime';
import { WorkspaceIndex } from '../workspace/index';
import { scanFolder } from '../workspace/scan';
import { isGoTemplate } from '../analysis/model/manifest';

export interface WorkspaceSyncDeps {
  connection: Connection;
  runtime: Runtime;
  exclude: () => string[];
  maxFileSize: () => number;
  isOpen: (uri: string) => boolean;
  /** Called (debounced) when the index changed, so open documents are checked again. */
  onChange: () => void;
}

export class WorkspaceSync {
  readonly index = new WorkspaceIndex();
  private timer: unknown;

  constructor(private readonly deps: WorkspaceSyncDeps) {}

  private changed(): void {
    if (this.timer !== undefined) this.deps.runtime.clearTimeout(this.timer);
    this.timer = this.deps.runtime.setTimeout(() => {
      this.timer = undefined;
      this.deps.onChange();
    }, 150);
  }

  async scan(folders: WorkspaceFolder[] | null | undefined): Promise<void> {
    for (const folder of folders ?? []) {
      if (!folder.uri.startsWith('file:')) continue;
      const started = Date.now();
      const result = await scanFolder(fileURLToPath(folder.uri), this.index, { exclude: this.deps.exclude(), maxFileSize: this.deps.maxFileSize() });
      this.deps.runtime.logger.info(`indexed ${result.files} files of ${folder.name} in ${Date.now() - started} ms (${this.index.size} objects, ${result.skipped} skipped)`);
    }
    this.changed();
  }

  /** An open document's text is what counts while it is open. */
  documentChanged(uri: string, model: ManifestModel): void {
    if (this.index.updateModel(uri, model)) this.changed();
  }

  /** A closed document counts as what is on disk again (or nothing, for an unsaved one). */
  async documentClosed(uri: string): Promise<void> {
    let changed: boolean;
    try {
      const text = uri.startsWith('file:') ? await readFile(fileURLToPath(uri), 'utf8') : undefined;
      changed = text !== undefined && text.length <= this.deps.maxFileSize() && !isGoTemplate(text) ? this.index.update(uri, text) : this.index.remove(uri);
    } catch {
      changed = this.index.remove(uri);
    }
    if (changed) this.changed();
  }

  listen(): void {
    this.deps.connection.onDidChangeWatchedFiles(async (params) => {
      let any = false;
      for (const change of params.changes) {
        if (this.deps.isOpen(change.uri)) continue;
        if (change.type === FileChangeType.Deleted) any = this.index.remove(change.uri) || any;
        else {
          try {
            const text = await readFile(fileURLToPath(change.uri), 'utf8');
            if (text.length <= this.deps.maxFileSize() && !isGoTemplate(text)) any = this.index.update(change.uri, text) || any;
          } catch {
            any = this.index.remove(change.uri) || any;
          }
        }
      }
      if (any) this.changed();
    });
  }
}
