/** podLens.* in the server's terms: the typed settings, their defaults, and the analysis options they give. */
import type { AnalysisOptions, FieldValidation, StartupLensMode } from '../analysis/options';
import { DEFAULT_RESOURCES_REQUIRED } from '../analysis/options';
import type { SeveritySetting } from '../analysis/rules/types';
import type { CustomPodTemplates } from '../analysis/model/custom-resources';
import { NEWEST_MINOR, type KubernetesTarget } from '../analysis/k8s/target';
import type { FolderNamespace } from '../workspace/unset-namespaces';

export interface Settings {
  rules: Record<string, SeveritySetting>;
  resourcesRequired: AnalysisOptions['resourcesRequired'];
  maxFileSize: number;
  /** Globs the workspace scan skips (podLens.exclude plus files.exclude from the client). */
  exclude: string[];
  privateRegistries: string[];
  startupLens: StartupLensMode;
  /** Which files' problems are published: the open ones, or every manifest the workspace index found. */
  diagnosticsScope: DiagnosticsScope;
  /** Unknown fields: errors (Strict, kubectl's default), warnings (Warn) or nothing (Ignore). */
  fieldValidation: FieldValidation;
  /** `podLens.kubernetesVersion` and `podLens.featureGates`: what the manifests are checked against. */
  target: KubernetesTarget;
  pin: { keepTag: boolean; platform: string };
  /**
   * `podLens.defaultNamespace`: where objects without `metadata.namespace` go, as with `kubectl apply -n`; '' for
   * Kubernetes' `default`. Only a valid namespace name is kept (the workspace index reads it, not the rules' options).
   */
  defaultNamespace: string;
  /** Workspace folders whose own `podLens.defaultNamespace` (resource scope) differs from the workspace's. */
  folderNamespaces: FolderNamespace[];
  /** podLens.podTemplates: the user's custom resources with pod templates, and why entries were skipped (logged once). */
  podTemplates: CustomPodTemplates[];
  podTemplateProblems: string[];
  /**
   * mirrors, insecure, caFile and onlineChecks decide where registry requests and credentials go: package.json gives
   * them `machine` scope, so a workspace's .vscode/settings.json cannot set them (test/registry/hostile-pin.test.ts).
   */
  registry: {
    mirrors: Record<string, string>;
    insecure: string[];
    caFile: string;
    timeoutSeconds: number;
    cacheTtlSeconds: number;
    onlineChecks: boolean;
  };
}

export type DiagnosticsScope = 'openFiles' | 'workspace';

export const DEFAULT_SETTINGS: Settings = {
  rules: {},
  resourcesRequired: DEFAULT_RESOURCES_REQUIRED,
  maxFileSize: 5 * 1024 * 1024,
  exclude: [],
  privateRegistries: [],
  startupLens: 'auto',
  diagnosticsScope: 'openFiles',
  fieldValidation: 'Strict',
  target: { minor: NEWEST_MINOR, featureGates: {} },
  pin: { keepTag: true, platform: '' },
  defaultNamespace: '',
  folderNamespaces: [],
  podTemplates: [],
  podTemplateProblems: [],
  registry: { mirrors: {}, insecure: [], caFile: '', timeoutSeconds: 10, cacheTtlSeconds: 300, onlineChecks: false },
};

export function analysisOptions(settings: Settings): AnalysisOptions {
  return {
    target: settings.target,
    rules: settings.rules,
    resourcesRequired: settings.resourcesRequired,
    privateRegistries: settings.privateRegistries,
    startupLens: settings.startupLens,
    fieldValidation: settings.fieldValidation,
  };
}
