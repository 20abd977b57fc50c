/**
 * The target: the Kubernetes version and feature gates a manifest is checked against. Rules ask it whether a
 * feature is on (`isFeatureEnabled`) and which release is in force (`target.minor`); none hard-codes a stage.
 */
import { FEATURE_GATES, type FeatureGateName, type FeatureStage } from './feature-gates';

export interface KubernetesTarget {
  /** The minor in force, `1.NN`. */
  minor: string;
  /** Gates the user set explicitly (`podLens.featureGates`, `--feature-gates`); others take the minor's default. */
  featureGates: Readonly<Record<string, boolean>>;
}

/** The newest minor Pod Lens knows; the default target. */
export const NEWEST_MINOR = '1.36';
/** The oldest minor Pod Lens can check against. */
export const OLDEST_MINOR = '1.29';

export const DEFAULT_TARGET: KubernetesTarget = { minor: NEWEST_MINOR, featureGates: {} };

/** `1.31` → 31; the number that orders minors. */
export function minorNumber(minor: string): number {
  const m = /^1\.(\d{1,3})$/.exec(minor);
  return m ? Number(m[1]) : NaN;
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

/** Whether a feature is on in the target: the user's explicit setting, else the minor's default (GA is always on). */
export function isFeatureEnabled(target: KubernetesTarget | undefined, gate: FeatureGateName): boolean {
  const t = target ?? DEFAULT_TARGET;
  const stage = featureStage(gate, t.minor);
  if (!stage) return false;
  if (stage.stage === 'GA' && stage.locked) return true;
  const explicit = t.featureGates[gate];
  return explicit ?? stage.default;
}

/** How a message names a gate in the target: `the ImageVolume feature gate (beta, off by default in Kubernetes 1.33)`. */
export function describeFeature(target: KubernetesTarget | undefined, gate: FeatureGateName): string {
  const t = target ?? DEFAULT_TARGET;
  const stage = featureStage(gate, t.minor);
  if (!stage) return `the ${gate} feature gate (not in Kubernetes ${t.minor})`;
  const explicit = t.featureGates[gate];
  const state = explicit === undefined ? `${stage.default ? 'on' : 'off'} by default` : `set ${explicit ? 'on' : 'off'}`;
  return `the ${gate} feature gate (${stage.stage}, ${state} in Kubernetes ${t.minor})`;
}
