/** Publishes diagnostics: on open at once, on change debounced, superseded runs dropped, cleared on close. */
import { DiagnosticSeverity, DiagnosticTag, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisOptions } from '../analysis/options';
import { docsUrl, type Finding, type Severity } from '../analysis/rules/types';
import type { Runtime } from '../runtime';
import { toRange } from './convert';
import type { DocumentCache } from './document-cache';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(doc: TextDocument, f: Finding): Diagnostic {
  const tags = f.tags?.map((t) => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary));
  return {
    range: toRange(doc, f.span),
    severity: SEVERITY[f.severity],
    source: 'pod-lens',
    code: f.rule,
    codeDescription: { href: docsUrl(f.rule) },
    message: f.message,
    ...(tags?.length ? { tags } : {}),
    data: { path: f.path },
  };
}

export interface DiagnosticsDeps {
  connection: Connection;
  runtime: Runtime;
  cache: DocumentCache;
  /** The options for one file (its Kustomize facts differ by file). */
  options: (uri: string) => AnalysisOptions;
  /** Changes when something outside the document that rules read has changed. */
  generation?: () => number;
  /** Background work after a publication (online digest checks). */
  afterPublish?: (doc: TextDocument) => void;
  getDocument: (uri: string) => TextDocument | undefined;
}

/** Debounce for edits: short, so a keystroke's diagnostics arrive within ~100 ms, long enough to merge bursts. */
export const CHANGE_DEBOUNCE_MS = 40;

export class DiagnosticsScheduler {
  private readonly timers = new Map<string, unknown>();
  /** uri → the version, generation and settings epoch last published: one publication per combination. */
  private readonly published = new Map<string, string>();
  private settingsEpoch = 0;

  constructor(private readonly deps: DiagnosticsDeps) {}

  schedule(uri: string, delay: number): void {
    const previous = this.timers.get(uri);
    if (previous !== undefined) this.deps.runtime.clearTimeout(previous);
    const version = this.deps.getDocument(uri)?.version;
    const handle = this.deps.runtime.setTimeout(() => {
      this.timers.delete(uri);
      const doc = this.deps.getDocument(uri);
      // A newer version has its own run scheduled (or the document closed): this one is stale.
      if (!doc || doc.version !== version) return;
      this.publish(doc);
    }, delay);
    this.timers.set(uri, handle);
  }

  /** Settings changed: every open document gets one new publication, even at the same version. */
  settingsChanged(): void {
    this.settingsEpoch++;
  }

  /**
   * Publishes unless this version was already published under the same generation and settings: the open,
   * the end of the workspace scan and online checks may all ask at once, and a repeated identical publication
   * reaches the client as a late, stale-looking answer after a newer one.
   */
  publish(doc: TextDocument): void {
    const key = `${doc.version}:${this.deps.generation?.() ?? 0}:${this.settingsEpoch}`;
    if (this.published.get(doc.uri) === key) {
      // Nothing new to send, but the background work still runs: online checks re-ask expired tags from here.
      this.afterPublish(doc);
      return;
    }
    let diagnostics: Diagnostic[];
    try {
      // A file over podLens.maxFileSize (or binary) gives the cache's one note instead of an analysis.
      const result = this.deps.cache.analysis(doc, this.deps.options(doc.uri), this.deps.generation?.() ?? 0);
      for (const failure of result.failures) {
        this.deps.runtime.logger.error(`rule ${failure.rule} failed on document ${failure.document} of ${doc.uri}`, failure.error);
      }
      diagnostics = result.findings.map((f) => toDiagnostic(doc, f));
    } catch (error) {
      this.deps.runtime.logger.error(`analysis of ${doc.uri} failed`, error);
      return;
    }
    this.published.set(doc.uri, key);
    void this.deps.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
    this.afterPublish(doc);
  }

  private afterPublish(doc: TextDocument): void {
    try {
      this.deps.afterPublish?.(doc);
    } catch (error) {
      this.deps.runtime.logger.error('after-publish work failed', error);
    }
  }

  clear(uri: string): void {
    this.forget(uri);
    void this.deps.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Stops tracking a closed document without clearing its problems (something else publishes them now). */
  forget(uri: string): void {
    const previous = this.timers.get(uri);
    if (previous !== undefined) this.deps.runtime.clearTimeout(previous);
    this.timers.delete(uri);
    this.published.delete(uri);
  }
}
