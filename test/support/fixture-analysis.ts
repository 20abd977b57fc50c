/** Analyses a fixture as the fixture test and the annotate script both must: its options line and its workspace index. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { analyze, type AnalysisResult } from '../../server/src/analysis/analyze';
import { parseManifests, type ManifestModel } from '../../server/src/analysis/model/manifest';
import type { AnalysisOptions } from '../../server/src/analysis/options';
import { otherPatches, patchBases, WorkspaceIndex } from '../../server/src/workspace/index';

/** The fixture files under `dir` (`.expected.yaml` files are the results of fixes, not fixtures). */
export function fixtureFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return fixtureFiles(full);
      return /\.ya?ml$/.test(name) && !name.includes('.expected.') ? [full] : [];
    });
}

/** `# pod-lens-fixture: {json}` on any line sets analysis options (e.g. turns an off-by-default rule on). */
function fixtureOptions(text: string): AnalysisOptions {
  const m = /^#\s*pod-lens-fixture:\s*(\{.*\})\s*$/m.exec(text);
  return m ? (JSON.parse(m[1]!) as AnalysisOptions) : {};
}

export interface FixtureAnalysis {
  model: ManifestModel;
  options: AnalysisOptions;
  result: AnalysisResult;
}

/**
 * The files of a fixture's workspace: the fixture itself, or its whole case folder under fixtures/workspace/
 * (`workspace/<case>/…`, subfolders included: a Kustomize base and its overlays are one case).
 */
export function fixtureWorkspaceFiles(file: string): string[] {
  const marker = `${sep}fixtures${sep}workspace${sep}`;
  const at = file.indexOf(marker);
  const caseFolder = at < 0 ? undefined : file.slice(0, file.indexOf(sep, at + marker.length) < 0 ? dirname(file).length : file.indexOf(sep, at + marker.length));
  return caseFolder ? fixtureFiles(caseFolder) : [file];
}

/** A fixture's options with the index as it stands: its options line, the file's view and what kustomizations do to it. */
export function fixtureOptionsWith(index: WorkspaceIndex, file: string, text: string): AnalysisOptions {
  const kustomize = index.kustomizeFacts(file);
  return { ...fixtureOptions(text), workspace: index.viewFor(file), ...(kustomize ? { kustomize, kustomizeBases: patchBases(index, kustomize), kustomizeOtherPatches: otherPatches(index, kustomize, file) } : {}) };
}

/** `text` is the fixture's content (the annotate script passes it without its old expectations). */
export function analyzeFixture(file: string, text: string): FixtureAnalysis {
  const model = parseManifests(text);
  // Workspace-scoped rules read an index of the fixture's workspace.
  const index = new WorkspaceIndex();
  for (const f of fixtureWorkspaceFiles(file)) index.update(f, f === file ? text : readFileSync(f, 'utf8'));
  const options = fixtureOptionsWith(index, file, text);
  return { model, options, result: analyze(model, options) };
}
