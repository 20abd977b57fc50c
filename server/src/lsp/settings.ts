/** Settings: the `podLens` section read through workspace/configuration, typed, with defaults. */
import type { AnalysisOptions, FieldValidation, StartupLensMode } from '../analysis/options';
import { DEFAULT_RESOURCES_REQUIRED } from '../analysis/options';
import type { SeveritySetting } from '../analysis/rules/types';

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
  pin: { keepTag: boolean; platform: string };
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

/** What the client tells the server at start (initializationOptions). */
export interface ClientFacts {
  /** Red Hat's YAML extension is installed: it reports syntax errors already. */
  redHatYamlInstalled?: boolean;
  workspaceTrusted?: boolean;
  /** VS Code's `http.proxy`. */
  httpProxy?: string;
  /** VS Code's `files.exclude` globs that are on. */
  filesExclude?: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  rules: {},
  resourcesRequired: DEFAULT_RESOURCES_REQUIRED,
  maxFileSize: 5 * 1024 * 1024,
  exclude: [],
  privateRegistries: [],
  startupLens: 'auto',
  diagnosticsScope: 'openFiles',
  fieldValidation: 'Strict',
  pin: { keepTag: true, platform: '' },
  registry: { mirrors: {}, insecure: [], caFile: '', timeoutSeconds: 10, cacheTtlSeconds: 300, onlineChecks: false },
};

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
    pin: { keepTag: bool(pin.keepTag, d.pin.keepTag), platform: str(pin.platform, d.pin.platform) },
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

export function analysisOptions(settings: Settings): AnalysisOptions {
  return {
    rules: settings.rules,
    resourcesRequired: settings.resourcesRequired,
    privateRegistries: settings.privateRegistries,
    startupLens: settings.startupLens,
    fieldValidation: settings.fieldValidation,
  };
}
