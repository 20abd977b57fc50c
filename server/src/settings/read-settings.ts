/**
 * The podLens section as a client sends it (any JSON) read into typed Settings: values of the wrong type fall back to
 * the defaults. How the section reaches the server (workspace/configuration, didChangeConfiguration) is lsp/settings.ts.
 */
import type { SeveritySetting } from '../analysis/rules/types';
import { readPodTemplates } from '../analysis/model/pod-templates-setting';
import { isFeatureGateName } from '../analysis/k8s/feature-gates';
import { NEWEST_MINOR, parseMinor, SUPPORTED_MINORS, unknownFeatureGates } from '../analysis/k8s/target';
import { isNamespaceName } from '../analysis/k8s/namespace';
import type { ClientFacts } from '../../../protocol/initialization';
import { DEFAULT_SETTINGS, type Settings } from './settings';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Merges what the client sent over the defaults, ignoring values of the wrong type. */
export function readSettings(raw: unknown, facts: ClientFacts = {}): Settings {
  const s = isRecord(raw) ? raw : {};
  const rules: Record<string, SeveritySetting> = {};
  // Syntax errors are shown by Red Hat's YAML extension when present: do not show them twice unless asked.
  if (facts.redHatYamlInstalled) rules['yaml-syntax'] = 'off';
  if (isRecord(s.rules)) {
    for (const [id, v] of Object.entries(s.rules)) {
      if (v === 'error' || v === 'warning' || v === 'information' || v === 'hint' || v === 'off') rules[id] = v;
    }
  }
  const pin = isRecord(s.pin) ? s.pin : {};
  const registry = isRecord(s.registry) ? s.registry : {};
  const resources = isRecord(s.resources) && isRecord(s.resources.required) ? s.resources.required : {};
  const diagnostics = isRecord(s.diagnostics) ? s.diagnostics : {};
  const bool = (v: unknown, d: boolean) => (typeof v === 'boolean' ? v : d);
  const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : d);
  const str = (v: unknown, d: string) => (typeof v === 'string' ? v : d);
  const d = DEFAULT_SETTINGS;
  const rr = d.resourcesRequired!;
  const declared = readPodTemplates(s.podTemplates);
  return {
    rules,
    resourcesRequired: {
      cpuRequest: bool(resources.cpuRequest, rr.cpuRequest),
      memoryRequest: bool(resources.memoryRequest, rr.memoryRequest),
      cpuLimit: bool(resources.cpuLimit, rr.cpuLimit),
      memoryLimit: bool(resources.memoryLimit, rr.memoryLimit),
    },
    maxFileSize: num(s.maxFileSize, d.maxFileSize),
    exclude: Array.isArray(s.exclude) ? s.exclude.filter((g): g is string => typeof g === 'string') : [],
    privateRegistries: Array.isArray(s.privateRegistries) ? s.privateRegistries.filter((g): g is string => typeof g === 'string') : [],
    startupLens: s.startupLens === 'always' || s.startupLens === 'off' || s.startupLens === 'auto' ? s.startupLens : d.startupLens,
    diagnosticsScope: diagnostics.scope === 'workspace' || diagnostics.scope === 'openFiles' ? diagnostics.scope : d.diagnosticsScope,
    fieldValidation: s.fieldValidation === 'Warn' || s.fieldValidation === 'Ignore' || s.fieldValidation === 'Strict' ? s.fieldValidation : d.fieldValidation,
    target: {
      minor: (typeof s.kubernetesVersion === 'string' && parseMinor(s.kubernetesVersion)) || d.target.minor,
      featureGates: isRecord(s.featureGates)
        ? Object.fromEntries(Object.entries(s.featureGates).filter((e): e is [string, boolean] => typeof e[1] === 'boolean' && isFeatureGateName(e[0])))
        : {},
    },
    pin: { keepTag: bool(pin.keepTag, d.pin.keepTag), platform: str(pin.platform, d.pin.platform) },
    defaultNamespace: readDefaultNamespace(s.defaultNamespace),
    folderNamespaces: [],
    podTemplates: declared.entries,
    podTemplateProblems: declared.problems,
    registry: {
      mirrors: isRecord(registry.mirrors)
        ? Object.fromEntries(Object.entries(registry.mirrors).filter((e): e is [string, string] => typeof e[1] === 'string'))
        : {},
      insecure: Array.isArray(registry.insecure) ? registry.insecure.filter((h): h is string => typeof h === 'string') : [],
      caFile: str(registry.caFile, d.registry.caFile),
      timeoutSeconds: num(registry.timeoutSeconds, d.registry.timeoutSeconds),
      cacheTtlSeconds: num(registry.cacheTtlSeconds, d.registry.cacheTtlSeconds),
      onlineChecks: bool(registry.onlineChecks, d.registry.onlineChecks),
    },
  };
}

/**
 * What is wrong with the target settings, in words for the server log: a version Pod Lens cannot check against
 * (the newest is used), gate names it does not know and values that are not booleans (both ignored).
 */
export function targetSettingProblems(raw: unknown): string[] {
  const s = isRecord(raw) ? raw : {};
  const problems: string[] = [];
  const v = s.kubernetesVersion;
  if (v !== undefined && v !== null && v !== '' && !(typeof v === 'string' && parseMinor(v))) {
    problems.push(`podLens.kubernetesVersion: ${JSON.stringify(v)} is not a version Pod Lens can check against (one of ${SUPPORTED_MINORS.join(', ')}); using ${NEWEST_MINOR}`);
  }
  if (isRecord(s.featureGates)) {
    const booleans = Object.fromEntries(Object.entries(s.featureGates).filter((e): e is [string, boolean] => typeof e[1] === 'boolean'));
    const unknown = unknownFeatureGates(booleans);
    if (unknown.length) problems.push(`podLens.featureGates: no rule of Pod Lens depends on ${unknown.join(', ')}; ignored`);
    const notBoolean = Object.keys(s.featureGates).filter((k) => !(k in booleans));
    if (notBoolean.length) problems.push(`podLens.featureGates: ${notBoolean.join(', ')} must be true or false; ignored`);
  } else if (s.featureGates !== undefined && s.featureGates !== null) {
    problems.push('podLens.featureGates must be an object of gate names to true or false; ignored');
  }
  return problems;
}

/** `podLens.defaultNamespace` (the workspace's or a folder's value): a namespace name, or '' for `default`. */
export function readDefaultNamespace(value: unknown): string {
  return typeof value === 'string' && isNamespaceName(value) ? value : DEFAULT_SETTINGS.defaultNamespace;
}

/**
 * What is wrong with a `podLens.defaultNamespace` value (of a folder, when named), for the server log: a value the API
 * server would refuse as a namespace (validation.go ValidateNamespaceName: a DNS-1123 label) is ignored, so unset
 * namespaces stay `default`.
 */
export function namespaceSettingProblems(value: unknown, folder?: string): string[] {
  if (value === undefined || value === null || value === '' || (typeof value === 'string' && isNamespaceName(value))) return [];
  const setting = folder === undefined ? 'podLens.defaultNamespace' : `podLens.defaultNamespace of folder ${folder}`;
  return [`${setting}: ${JSON.stringify(value)} is not a namespace name (a lowercase RFC 1123 label of at most 63 characters, such as prod); using default`];
}
