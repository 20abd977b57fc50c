/** Parsed models per open document version: parse once per version, and reuse unchanged documents' parses. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, createFindingsCache, type AnalysisResult } from '../analysis/analyze';
import { parseManifests, type ChunkCache, type ManifestModel } from '../analysis/model/manifest';
import type { AnalysisOptions } from '../analysis/options';

interface Entry {
  version: number;
  model: ManifestModel;
  chunks: ChunkCache;
  analysis?: { optionsKey: string; result: AnalysisResult };
}

export class DocumentCache {
  private readonly entries = new Map<string, Entry>();

  /** `generation` changes when something outside the documents that rules read (the workspace index) changed. */
  constructor(private readonly generation: () => number = () => 0) {}
  /** Findings of unchanged documents; entries die with their parsed documents. */
  private readonly findings = createFindingsCache();

  model(doc: TextDocument): ManifestModel {
    const entry = this.entries.get(doc.uri);
    if (entry && entry.version === doc.version) return entry.model;
    const chunks: ChunkCache = entry?.chunks ?? new Map();
    const model = parseManifests(doc.getText(), chunks);
    this.entries.set(doc.uri, { version: doc.version, model, chunks });
    return model;
  }

  /**
   * Findings for this version under these options, computed once. `generation` changes when something outside the
   * document that rules read (the workspace index) changed.
   */
  analysis(doc: TextDocument, options: AnalysisOptions, generation = this.generation()): AnalysisResult {
    const model = this.model(doc);
    const entry = this.entries.get(doc.uri)!;
    const optionsKey = `${generation}:${JSON.stringify({ ...options, workspace: undefined })}`;
    if (entry.analysis?.optionsKey === optionsKey) return entry.analysis.result;
    const result = analyze(model, options, undefined, this.findings);
    entry.analysis = { optionsKey, result };
    return result;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  /** Drop analyses (settings changed); parses stay. */
  invalidateAnalyses(): void {
    for (const e of this.entries.values()) e.analysis = undefined;
  }
}
