/** imagePullPolicy: the allowed values and SetDefaults_Container's defaulting (pkg/apis/core/v1/defaults.go). */
import { kubeletTag, parseImageReference } from './image-reference';

export const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'] as const;
export type PullPolicy = (typeof PULL_POLICIES)[number];

export interface DefaultedPolicy {
  policy: 'Always' | 'IfNotPresent';
  /** The rule that produced it, in plain words. */
  reason: string;
}

/**
 * SetDefaults_Container: ParseImageName's tag (error ignored) — exactly "latest" gives Always, anything else
 * IfNotPresent. Note `:latest@sha256:…` keeps its tag and so defaults to Always, unlike what the docs suggest.
 */
export function defaultPullPolicy(image: string): DefaultedPolicy {
  const parsed = parseImageReference(image);
  if (!parsed.ok) return { policy: 'IfNotPresent', reason: 'image not parsable (defaulting ignores the error) → IfNotPresent' };
  const { tag, digest } = parsed.ref;
  const effective = kubeletTag(parsed.ref);
  if (tag === null && digest === null) return { policy: 'Always', reason: 'no tag and no digest → tag "latest" → Always' };
  if (effective === 'latest') {
    return { policy: 'Always', reason: digest ? 'tag "latest" → Always (the digest does not change the default)' : 'tag "latest" → Always' };
  }
  if (tag === null) return { policy: 'IfNotPresent', reason: 'digest only → IfNotPresent' };
  return { policy: 'IfNotPresent', reason: `tag "${tag}" → IfNotPresent` };
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = saved;
    }
  }
  return row[b.length]!;
}

/** The allowed value a near miss was meant to be: same letters in another case, or at most two edits away. */
export function nearestPullPolicy(value: string): PullPolicy | undefined {
  const lower = value.trim().toLowerCase();
  const byCase = PULL_POLICIES.find((p) => p.toLowerCase() === lower);
  if (byCase) return byCase;
  let best: PullPolicy | undefined;
  let bestDistance = 3;
  for (const p of PULL_POLICIES) {
    const d = editDistance(lower, p.toLowerCase());
    if (d < bestDistance) {
      best = p;
      bestDistance = d;
    }
  }
  return best;
}
