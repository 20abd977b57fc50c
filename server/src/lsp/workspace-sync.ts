/**
 * Keeps the workspace index current: an initial scan of the workspace folders (in the background), the client's file
 * watcher, and the text of open documents (which wins over the file on disk while the document is open).
 */
import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileChangeType, type Connection, type WorkspaceFolder } from 'vscode-languageserver';
import type { ManifestModel } from '../analysis/model/manifest';
import type { Runtime } from '../runtime';
import { compileExcludes, type ExcludeMatcher } from '../fs/glob';
import { WorkspaceIndex } from '../workspace/index';
import { scanFolder } from '../workspace/scan';
import { isGoTemplate } from '../analysis/model/manifest';
import { isNeverWalked } from '../fs/walk';

/** Enough to see what went wrong without flooding the output channel from a hostile tree. */
const MAX_LOGGED_SKIPS = 20;

/** The local path of a file: URI, or undefined for other schemes and for file://host/… that this machine cannot open. */
function toPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export interface WorkspaceSyncDeps {
  connection: Connection;
  runtime: Runtime;
  exclude: () => string[];
  maxFileSize: () => number;
  isOpen: (uri: string) => boolean;
  /** Called (debounced) when the index changed, so open documents are checked again. */
  onChange: () => void;
  /** A closed manifest changed, appeared or went away on disk (for problems published for closed files). */
  onFileChanged?: (uri: string) => void;
}

export class WorkspaceSync {
  readonly index = new WorkspaceIndex();
  /** Every readable manifest of the workspace folders (file: URIs), whether or not it defines an indexed object. */
  readonly manifests = new Set<string>();
  private timer: unknown;
  /** Bad exclude patterns are said once per session, not on every scan. */
  private readonly reportedPatterns = new Set<string>();
  /** What the last scan excluded, so the file watcher skips the same files. */
  private excluded: { folders: string[]; matcher: ExcludeMatcher } | undefined;
  /**
   * The disk read under way per file: one that finishes after a newer event (a delete, typing, another read) is stale.
   * A close's read could otherwise end after the file's deletion was reported and bring its objects back.
   */
  private readonly pendingReads = new Map<string, number>();
  private readCount = 0;

  constructor(private readonly deps: WorkspaceSyncDeps) {}

  private changed(): void {
    if (this.timer !== undefined) this.deps.runtime.clearTimeout(this.timer);
    this.timer = this.deps.runtime.setTimeout(() => {
      this.timer = undefined;
      this.deps.onChange();
    }, 150);
  }

  async scan(folders: WorkspaceFolder[] | null | undefined): Promise<void> {
    const logger = this.deps.runtime.logger;
    const exclude = compileExcludes(this.deps.exclude());
    for (const problem of exclude.problems) {
      if (this.reportedPatterns.has(problem)) continue;
      this.reportedPatterns.add(problem);
      logger.info(`[warning] podLens.exclude / files.exclude: ${problem}`);
    }
    const local = (folders ?? []).flatMap((folder) => {
      const path = toPath(folder.uri);
      return path === undefined ? [] : [{ folder, path }];
    });
    this.excluded = { folders: local.map((l) => l.path), matcher: exclude };
    for (const { folder, path } of local) {
      const started = Date.now();
      const result = await scanFolder(this.deps.runtime.fs, path, this.index, { exclude, maxFileSize: this.deps.maxFileSize() });
      for (const uri of result.manifests) this.manifests.add(uri);
      // The details first, so the summary line ends the folder's report.
      for (const s of result.skipped.slice(0, MAX_LOGGED_SKIPS)) logger.info(`  skipped ${s.path}: ${s.reason}`);
      if (result.skipped.length > MAX_LOGGED_SKIPS) logger.info(`  … and ${result.skipped.length - MAX_LOGGED_SKIPS} more skipped`);
      logger.info(`indexed ${result.files} files of ${folder.name} in ${Date.now() - started} ms (${this.index.size} objects, ${result.skipped.length} skipped)`);
    }
    this.changed();
  }

  /** The index entry for a file on disk: its text when it is a readable manifest within the size limit, else none. */
  private async indexFromDisk(uri: string): Promise<boolean> {
    const token = ++this.readCount;
    this.pendingReads.set(uri, token);
    const path = toPath(uri);
    const read = path === undefined || this.isExcluded(path) ? undefined : await this.deps.runtime.fs.readFile(path, this.deps.maxFileSize());
    if (this.pendingReads.get(uri) !== token) return false;
    this.pendingReads.delete(uri);
    const isManifest = read?.ok === true && !isGoTemplate(read.text);
    // Only files under the scanned folders count as the workspace's manifests (the watcher may report others).
    if (isManifest && path !== undefined && this.isInFolders(path)) this.manifests.add(uri);
    else this.manifests.delete(uri);
    return read?.ok && isManifest ? this.index.update(uri, read.text) : this.index.remove(uri);
  }

  private isInFolders(path: string): boolean {
    return (this.excluded?.folders ?? []).some((folder) => {
      const rel = relative(folder, path);
      return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
    });
  }

  private isExcluded(path: string): boolean {
    const excluded = this.excluded;
    if (!excluded) return false;
    return excluded.folders.some((folder) => {
      const rel = relative(folder, path);
      const outside = rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
      const posix = rel.split(sep).join('/');
      return !outside && (isNeverWalked(posix) || excluded.matcher.isExcluded(posix));
    });
  }

  /** An open document's text is what counts while it is open. */
  documentChanged(uri: string, model: ManifestModel): void {
    // Typing wins over a disk read still under way for the same file.
    this.pendingReads.delete(uri);
    if (this.index.updateModel(uri, model)) this.changed();
  }

  /** A closed document counts as what is on disk again (or nothing, for an unsaved one). */
  async documentClosed(uri: string): Promise<void> {
    if (await this.indexFromDisk(uri)) this.changed();
  }

  listen(): void {
    this.deps.connection.onDidChangeWatchedFiles(async (params) => {
      let any = false;
      for (const change of params.changes) {
        if (this.deps.isOpen(change.uri)) continue;
        if (change.type === FileChangeType.Deleted) {
          this.pendingReads.delete(change.uri);
          this.manifests.delete(change.uri);
          any = this.index.remove(change.uri) || any;
        } else any = (await this.indexFromDisk(change.uri)) || any;
        this.deps.onFileChanged?.(change.uri);
      }
      if (any) this.changed();
    });
  }
}
