/** The pull policy the API server will store for a container: the written one, or SetDefaults_Container's. */
import { defaultPullPolicy } from './pull-policy';

export interface EffectivePolicy {
  value: string;
  defaulted: boolean;
  reason: string;
}

export function effectivePolicy(image: string | undefined, written: unknown): EffectivePolicy {
  if (typeof written === 'string' && written !== '') return { value: written, defaulted: false, reason: 'written in the manifest' };
  if (image === undefined) return { value: 'IfNotPresent', defaulted: true, reason: 'no image' };
  const d = defaultPullPolicy(image);
  return { value: d.policy, defaulted: true, reason: d.reason };
}
