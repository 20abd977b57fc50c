/** The pull policy the API server will store for a container: the written one, or SetDefaults_Container's. */
import { defaultPullPolicy, PULL_POLICIES } from './pull-policy';

export interface EffectivePolicy {
  value: string;
  defaulted: boolean;
  /** False for a written value that is not Always, IfNotPresent or Never: the API server rejects the object. */
  valid: boolean;
  reason: string;
}

/** `written` is the container's (or image volume's) pull policy when written as a string. */
export function effectivePolicy(image: string | undefined, written: string | undefined): EffectivePolicy {
  if (written !== undefined && written !== '') {
    // validation.go validatePullPolicy: "Unsupported value" for anything else (case included: "always" is rejected).
    const valid = (PULL_POLICIES as readonly string[]).includes(written);
    return { value: written, defaulted: false, valid, reason: valid ? 'written in the manifest' : `written in the manifest, and not one of ${PULL_POLICIES.join(', ')}: the API server rejects the object` };
  }
  if (image === undefined) return { value: 'IfNotPresent', defaulted: true, valid: true, reason: 'no image' };
  const d = defaultPullPolicy(image);
  return { value: d.policy, defaulted: true, valid: true, reason: d.reason };
}
