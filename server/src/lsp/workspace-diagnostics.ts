/**
 * `podLens.diagnostics.scope: workspace`: problems of every manifest the workspace scan found, published for closed
 * files too (read from disk, checked as the open ones are), so they stay in the Problems panel when a tab closes.
 * Switching back to `openFiles` clears what this published. Open documents stay with the DiagnosticsScheduler.
 */
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isGoTemplate } from '../analysis/model/manifest';
import type { AnalysisOptions } from '../analysis/options';
import type { Runtime } from '../runtime';
import { toDiagnostic } from './diagnostics';
import { DocumentCache } from './document-cache';
import type { DiagnosticsScope } from '../settings/settings';

export interface WorkspaceDiagnosticsDeps {
  connection: Connection;
  runtime: Runtime;
  scope: () => DiagnosticsScope;
  /** The workspace's manifests (file: URIs). */
  files: () => ReadonlySet<string>;
  isOpen: (uri: string) => boolean;
  maxFileSize: () => number;
  options: () => AnalysisOptions;
  generation: () => number;
}

/** Files checked between two yields to the event loop: requests of open documents are never held up long. */
const BATCH = 20;

export class WorkspaceDiagnostics {
  /** Closed files this has published problems for (to clear them when the scope goes back to openFiles). */
  private readonly published = new Set<string>();
  /** Each refresh supersedes the one before: a stale run stops at its next file. */
  private run = 0;

  constructor(private readonly deps: WorkspaceDiagnosticsDeps) {}

  /** Publishes every closed manifest (scope workspace) or clears what was published (scope openFiles). */
  async refresh(): Promise<void> {
    const run = ++this.run;
    if (this.deps.scope() !== 'workspace') {
      for (const uri of this.published) if (!this.deps.isOpen(uri)) this.send(uri, []);
      this.published.clear();
      return;
    }
    let checked = 0;
    for (const uri of [...this.deps.files()]) {
      if (run !== this.run) return;
      if (this.deps.isOpen(uri)) continue;
      await this.publishClosed(uri);
      if (++checked % BATCH === 0) await new Promise<void>((resolve) => this.deps.runtime.setTimeout(resolve, 0));
    }
  }

  /** A document was opened: its problems now come with its versions from the open-file scheduler. */
  opened(uri: string): void {
    this.published.delete(uri);
  }

  /** A file closed or changed on disk: in workspace scope its problems are read from disk; otherwise none. */
  async closed(uri: string): Promise<void> {
    if (this.deps.isOpen(uri)) return;
    if (this.deps.scope() === 'workspace' && this.deps.files().has(uri)) await this.publishClosed(uri);
    // Gone from disk, or no longer a manifest: what this published for it goes too.
    else if (this.published.delete(uri)) this.send(uri, []);
  }

  private async publishClosed(uri: string): Promise<void> {
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return;
    }
    const read = await this.deps.runtime.fs.readFile(path, this.deps.maxFileSize());
    // Opened meanwhile: the open document's problems win.
    if (this.deps.isOpen(uri)) return;
    if (!read.ok || isGoTemplate(read.text)) {
      if (this.published.delete(uri)) this.send(uri, []);
      return;
    }
    try {
      const doc = TextDocument.create(uri, 'yaml', 0, read.text);
      // A cache of its own: closed files must not stay in the open documents' cache.
      const cache = new DocumentCache(this.deps.generation, this.deps.maxFileSize);
      const result = cache.analysis(doc, this.deps.options());
      this.published.add(uri);
      this.send(uri, result.findings.map((f) => toDiagnostic(doc, f)));
    } catch (error) {
      this.deps.runtime.logger.error(`analysis of ${uri} failed`, error);
    }
  }

  private send(uri: string, diagnostics: ReturnType<typeof toDiagnostic>[]): void {
    void this.deps.connection.sendDiagnostics({ uri, diagnostics });
  }
}
