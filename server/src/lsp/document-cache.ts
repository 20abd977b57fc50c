/**
 * Parsed models per open document version: parse once per version, reuse unchanged documents' parses, and never
 * parse a file over `podLens.maxFileSize` (or a binary one): every feature reads its model here, so skipped means
 * skipped for diagnostics, hover, lenses, completion, code actions and the workspace index alike.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, createFindingsCache, type AnalysisResult } from '../analysis/analyze';
import { DEFAULT_MAX_FILE_SIZE, guardInput } from '../analysis/input-guard';
import type { CustomPodTemplates } from '../analysis/model/custom-resources';
import { parseManifests, type ChunkCache, type ManifestModel } from '../analysis/model/manifest';
import type { AnalysisOptions } from '../analysis/options';
import type { Finding } from '../analysis/rules/types';

interface Entry {
  version: number;
  model: ManifestModel;
  chunks: ChunkCache;
  /** The note shown instead of findings when the file is not analysed. */
  skipped?: Finding;
  analysis?: { optionsKey: string; result: AnalysisResult };
}

export class DocumentCache {
  private readonly entries = new Map<string, Entry>();
  /** Findings of unchanged documents; entries die with their parsed documents. */
  private readonly findings = createFindingsCache();
  /** The podLens.podTemplates the cached models were parsed with: other ones mean other pod specs, so a new parse. */
  private parsedWith: readonly CustomPodTemplates[] = [];
  private parsedWithKey = '[]';

  /**
   * `generation` changes when something outside the documents that rules read (the workspace index) changed;
   * `maxFileSize` is the current `podLens.maxFileSize`.
   */
  constructor(
    private readonly generation: () => number = () => 0,
    private readonly maxFileSize: () => number = () => DEFAULT_MAX_FILE_SIZE,
    private readonly podTemplates: () => readonly CustomPodTemplates[] = () => [],
  ) {}

  /** Drops every model when podLens.podTemplates changed (compared by content: each settings read makes new arrays). */
  private checkPodTemplates(): readonly CustomPodTemplates[] {
    const current = this.podTemplates();
    if (current === this.parsedWith) return current;
    const key = JSON.stringify(current);
    if (key !== this.parsedWithKey) this.entries.clear();
    this.parsedWith = current;
    this.parsedWithKey = key;
    return current;
  }

  private entry(doc: TextDocument): Entry {
    const podTemplates = this.checkPodTemplates();
    const entry = this.entries.get(doc.uri);
    if (entry && entry.version === doc.version) return entry;
    const text = doc.getText();
    // The size is checked before anything reads the text: a skipped file gets an empty model, and its chunk cache
    // (the previous parses) is dropped.
    const skipped = guardInput(text, this.maxFileSize());
    const chunks: ChunkCache = skipped ? new Map() : (entry?.chunks ?? new Map());
    const model: ManifestModel = skipped ? { text, documents: [], cutOffAt: undefined, isGoTemplate: false } : parseManifests(text, chunks, { podTemplates });
    const next: Entry = { version: doc.version, model, chunks, ...(skipped ? { skipped } : {}) };
    this.entries.set(doc.uri, next);
    return next;
  }

  model(doc: TextDocument): ManifestModel {
    return this.entry(doc).model;
  }

  /** The note that replaces the analysis of a file over the size limit or binary, else undefined. */
  skipped(doc: TextDocument): Finding | undefined {
    return this.entry(doc).skipped;
  }

  /**
   * Findings for this version under these options, computed once. `generation` changes when something outside the
   * document that rules read (the workspace index) changed.
   */
  analysis(doc: TextDocument, options: AnalysisOptions, generation = this.generation()): AnalysisResult {
    const entry = this.entry(doc);
    if (entry.skipped) return { findings: [entry.skipped], failures: [] };
    const optionsKey = `${generation}:${JSON.stringify({ ...options, workspace: undefined })}`;
    if (entry.analysis?.optionsKey === optionsKey) return entry.analysis.result;
    const result = analyze(entry.model, options, undefined, this.findings);
    entry.analysis = { optionsKey, result };
    return result;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  /** Settings changed: drop analyses, and models whose size verdict may have changed with podLens.maxFileSize. */
  invalidateAnalyses(): void {
    for (const [uri, e] of this.entries) {
      e.analysis = undefined;
      if (e.skipped || e.model.text.length > this.maxFileSize()) this.entries.delete(uri);
    }
  }
}
