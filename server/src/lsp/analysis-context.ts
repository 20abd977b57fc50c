/** What each analysis runs with: the user's settings, the workspace index, online digests, private registries. */
import type { AnalysisOptions } from '../analysis/options';
import type { Runtime } from '../runtime';
import type { OnlineDigests } from './online-digests';
import { analysisOptions, type Settings } from '../settings/settings';
import { otherPatches, patchBases, type WorkspaceIndex } from '../workspace/index';

export interface AnalysisContext {
  /** The options of one file: the settings, plus what the workspace's kustomizations do to it. */
  options(uri?: string): AnalysisOptions;
  /** Changes whenever something outside the documents that rules read has changed (index, online digests). */
  generation(): number;
}

export function createAnalysisContext(runtime: Runtime, settings: () => Settings, index: WorkspaceIndex, online: () => OnlineDigests): AnalysisContext {
  // Hosts the user holds credentials for are private registries too (read once: hosts only, never secrets).
  let credentialHosts: string[] | undefined;
  return {
    options(uri) {
      const s = settings();
      const kustomize = uri === undefined ? undefined : index.kustomizeFacts(uri);
      credentialHosts ??= runtime.configuredRegistries?.() ?? [];
      return {
        ...analysisOptions(s),
        privateRegistries: [...s.privateRegistries, ...credentialHosts],
        workspace: uri === undefined ? index : index.viewFor(uri),
        ...(kustomize ? { kustomize, kustomizeBases: patchBases(index, kustomize), kustomizeOtherPatches: otherPatches(index, kustomize, uri!) } : {}),
        ...(s.registry.onlineChecks ? { currentDigests: online().current } : {}),
      };
    },
    generation: () => index.generation * 1_000_003 + online().generation,
  };
}
