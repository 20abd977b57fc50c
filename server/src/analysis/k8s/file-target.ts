/**
 * The one place that decides a file's target: the user's target (setting or flag), unless the file pins its own
 * minor with a comment line `# pod-lens: kubernetes-version=1.31` (the first such line counts; explicit gates stay).
 */
import type { AnalysisOptions } from '../options';
import { DEFAULT_TARGET, parseMinor, type KubernetesTarget } from './target';

const PIN = /^[ \t]*#[ \t]*pod-lens:[ \t]*kubernetes-version[ \t]*=[ \t]*(\S*)[ \t]*$/m;

export interface FileTarget {
  target: KubernetesTarget;
  /** Where the minor comes from. */
  source: 'file' | 'settings';
  /** A pin comment whose value is not a supported minor: its offset and text, for a finding. */
  invalidPin?: { offset: number; length: number; value: string };
}

/** The target in force for a file's text. */
export function fileTarget(text: string, base: KubernetesTarget | undefined): FileTarget {
  const target = base ?? DEFAULT_TARGET;
  // Most files have no pin: skip the regular expression over the whole text.
  if (!text.includes('pod-lens:')) return { target, source: 'settings' };
  const m = PIN.exec(text);
  if (!m) return { target, source: 'settings' };
  const value = m[1]!;
  const minor = parseMinor(value);
  if (!minor) return { target, source: 'settings', invalidPin: { offset: m.index + m[0].lastIndexOf(value), length: value.length, value } };
  return { target: { ...target, minor }, source: 'file' };
}

/** The file target of a parsed model, read once per model and base target (rules ask it once per document). */
const BY_MODEL = new WeakMap<object, { base: KubernetesTarget | undefined; found: FileTarget }>();

export function modelTarget(model: { text: string }, base: KubernetesTarget | undefined): FileTarget {
  const cached = BY_MODEL.get(model);
  if (cached && cached.base === base) return cached.found;
  const found = fileTarget(model.text, base);
  BY_MODEL.set(model, { base, found });
  return found;
}

/** Options with the file's target in force (what every rule, hover, lens and inspect of the file reads). */
export function optionsForFile(text: string, options: AnalysisOptions): AnalysisOptions {
  const { target } = fileTarget(text, options.target);
  return target === options.target ? options : { ...options, target };
}
