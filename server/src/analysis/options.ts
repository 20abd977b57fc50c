/** Options of one analysis run: rule severities and rule settings, as the user configured them. */
import type { SeveritySetting } from './rules/types';
import type { WorkspaceView } from './workspace-view';
import type { KubernetesTarget } from './k8s/target';
import type { KustomizeFacts } from './kustomize/coverage';
import type { PatchTarget } from './kustomize/kustomization';

export interface ResourcesRequired {
  cpuRequest: boolean;
  memoryRequest: boolean;
  cpuLimit: boolean;
  memoryLimit: boolean;
}

export interface AnalysisOptions {
  /** `podLens.rules`: per rule id, a severity or `off`. */
  rules?: Record<string, SeveritySetting>;
  /** Which resources `resources-missing` asks for. */
  resourcesRequired?: ResourcesRequired;
  /** Other manifests of the workspace; absent when analysing a lone text. Not part of the findings cache key. */
  workspace?: WorkspaceView;
  /**
   * What the tags of pinned images point to now (`name:tag` as written → digest), filled by the server when
   * `podLens.registry.onlineChecks` is on; absent offline.
   */
  currentDigests?: Record<string, string>;
  /** Registries the user marks private (`podLens.privateRegistries`) plus the hosts of the docker config. */
  privateRegistries?: string[];
  /** `podLens.startupLens`: only where init containers or sidecars make an order (`auto`), on every pod spec, or never. */
  startupLens?: StartupLensMode;
  /** `podLens.fieldValidation`: unknown fields are errors (Strict, kubectl's default), warnings (Warn) or ignored. */
  fieldValidation?: FieldValidation;
  /** The Kubernetes version and feature gates checked against (`podLens.kubernetesVersion`, `podLens.featureGates`); the newest known minor with its defaults when absent. */
  target?: KubernetesTarget;
  /** What the workspace's kustomizations do to the file analysed (it is a patch; `vars` they substitute); absent when none names it. */
  kustomize?: KustomizeFacts;
  /** For a file that is a Kustomize patch: the texts of the files its kustomizations build, where its base objects are. */
  kustomizeBases?: Array<{ place: string; text: string }>;
  /** For a Kustomize patch: the other patch files of its kustomization, applied before or after it. */
  kustomizeOtherPatches?: Array<{ place: string; text: string; isBefore: boolean; targets?: PatchTarget[] }>;
}

export type StartupLensMode = 'auto' | 'always' | 'off';
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export const DEFAULT_RESOURCES_REQUIRED: ResourcesRequired = {
  cpuRequest: true,
  memoryRequest: true,
  cpuLimit: false,
  memoryLimit: true,
};
