/**
 * The target: the Kubernetes version and feature gates a manifest is checked against. Rules ask it whether a
 * feature is on (`isFeatureEnabled`) and which release is in force (`target.minor`); none hard-codes a stage.
 */
import { FEATURE_GATES, isFeatureGateName, type FeatureGateName, type FeatureStage } from './feature-gates';

export interface KubernetesTarget {
  /** The minor in force, `1.NN`. */
  minor: string;
  /** Gates the user set explicitly (`podLens.featureGates`, `--feature-gates`); others take the minor's default. */
  featureGates: Readonly<Record<string, boolean>>;
}

/** The newest minor Pod Lens knows; the default target. */
export const NEWEST_MINOR = '1.36';
/** The oldest minor Pod Lens can check against. */
export const OLDEST_MINOR = '1.28';

export const DEFAULT_TARGET: KubernetesTarget = { minor: NEWEST_MINOR, featureGates: {} };

/** `1.31` → 31; the number that orders minors. */
const MINOR_NUMBERS = new Map<string, number>();

export function minorNumber(minor: string): number {
  // Asked for every field the schema validator checks: the few minors there are are read once.
  let n = MINOR_NUMBERS.get(minor);
  if (n === undefined) {
    const m = /^1\.(\d{1,3})$/.exec(minor);
    n = m ? Number(m[1]) : NaN;
    if (MINOR_NUMBERS.size < 64) MINOR_NUMBERS.set(minor, n);
  }
  return n;
}

/** Every minor a target may name, oldest first (`podLens.kubernetesVersion`'s enum, the CLI's accepted values). */
export const SUPPORTED_MINORS: readonly string[] = Array.from(
  { length: minorNumber(NEWEST_MINOR) - minorNumber(OLDEST_MINOR) + 1 },
  (_, i) => `1.${minorNumber(OLDEST_MINOR) + i}`,
);

/**
 * A minor as users write it (`1.31`, `v1.31`, `1.31.4`) → `1.31`, or undefined when it is not one Pod Lens can
 * check against. The patch is accepted and ignored: stages change only with minors.
 */
export function parseMinor(text: string): string | undefined {
  const m = /^v?1\.(\d{1,3})(?:\.\d{1,4})?$/.exec(text.trim());
  if (!m) return undefined;
  const minor = `1.${Number(m[1])}`;
  return SUPPORTED_MINORS.includes(minor) ? minor : undefined;
}

/** Whether `minor` is at least `since` (both `1.NN`). */
export function isAtLeast(minor: string, since: string): boolean {
  return minorNumber(minor) >= minorNumber(since);
}

/** The stage of a gate in a minor: the last entry of its history at or before the minor; undefined before it existed. */
export function featureStage(gate: FeatureGateName, minor: string): FeatureStage | undefined {
  let found: FeatureStage | undefined;
  for (const stage of FEATURE_GATES[gate].stages) if (isAtLeast(minor, stage.since)) found = stage;
  return found;
}

/**
 * Whether a feature is on in the target: the user's explicit setting, else the minor's default. A gate locked to its
 * default (LockToDefault) takes the default whatever is set, as the component refuses any other value.
 */
export function isFeatureEnabled(target: KubernetesTarget | undefined, gate: FeatureGateName): boolean {
  const t = target ?? DEFAULT_TARGET;
  const stage = featureStage(gate, t.minor);
  if (!stage) return false;
  if (stage.locked) return stage.default;
  const explicit = t.featureGates[gate];
  return explicit ?? stage.default;
}

/** How a message names a gate in the target: `the ImageVolume feature gate (Beta, off by default in Kubernetes 1.33)`. */
export function describeFeature(target: KubernetesTarget | undefined, gate: FeatureGateName): string {
  const t = target ?? DEFAULT_TARGET;
  const stage = featureStage(gate, t.minor);
  if (!stage) return `the ${gate} feature gate (not in Kubernetes ${t.minor})`;
  const explicit = t.featureGates[gate];
  const state =
    stage.locked || explicit === undefined ? `${stage.default ? 'on' : 'off'} by default` : `set ${explicit ? 'on' : 'off'}`;
  return `the ${gate} feature gate (${stage.stage}, ${state} in Kubernetes ${t.minor})`;
}

/** The first minor where a gate is on by default, for "on by default from Kubernetes 1.NN". */
export function firstDefaultOnMinor(gate: FeatureGateName): string | undefined {
  return FEATURE_GATES[gate].stages.find((s) => s.default)?.since;
}

/** Gate names in user input that Pod Lens does not know (reported, then ignored). */
export function unknownFeatureGates(gates: Readonly<Record<string, boolean>>): string[] {
  return Object.keys(gates).filter((name) => !isFeatureGateName(name));
}
