/**
 * KubeletConfiguration's image-pull credential verification (KEP-2535, KubeletEnsureSecretPulledImages) as
 * pkg/kubelet/apis/config/validation ValidateKubeletConfiguration checks it, with the allowlist patterns of
 * pkg/kubelet/images/pullmanager getAllowlistImagePattern.
 */
import { describeFeature, isFeatureEnabled, type KubernetesTarget } from '../../k8s/target';
import { parseImageReference } from '../../k8s/image-reference';
import type { KubeletConfiguration } from '../../k8s/kubelet-configuration';
import type { Report } from '../types';

const POLICIES = ['NeverVerify', 'NeverVerifyPreloadedImages', 'NeverVerifyAllowlistedImages', 'AlwaysVerify'];

/** getAllowlistImagePattern's error for one allowlist entry, or undefined when the kubelet accepts it. */
export function allowlistPatternProblem(pattern: string): string | undefined {
  if (pattern !== pattern.trim()) return `leading/trailing spaces are not allowed: ${pattern}`;
  const isWildcard = pattern.endsWith('/*');
  const trimmed = isWildcard ? pattern.slice(0, -1) : pattern;
  if (trimmed.length === 0) return `the supplied pattern is too short: ${pattern}`;
  if (trimmed.includes('*')) return `not a valid wildcard pattern, only patterns ending with '/*' are allowed: ${pattern}`;
  if (isWildcard) return trimmed.length === 1 ? 'at least registry hostname is required' : undefined;
  const parsed = parseImageReference(trimmed);
  if (!parsed.ok) return `failed to parse as an image name: ${parsed.error.message}`;
  if (parsed.ref.tag !== null || parsed.ref.digest !== null) return `neither tag nor digest is accepted in an image reference: ${pattern}`;
  return undefined;
}

/** The kubelet's feature gates: the configuration's own `featureGates` over the target's (ValidateKubeletConfiguration's localFeatureGate). */
function ensureSecretPulledImages(config: KubeletConfiguration, target: KubernetesTarget | undefined): boolean {
  return config.featureGates.get('KubeletEnsureSecretPulledImages')?.value ?? isFeatureEnabled(target, 'KubeletEnsureSecretPulledImages');
}

export function checkImagePullCredentials(config: KubeletConfiguration, target: KubernetesTarget | undefined, report: Report): void {
  const policy = config.imagePullCredentialsVerificationPolicy;
  const allowlist = config.$entry('preloadedImagesVerificationAllowlist');
  const entries = config.preloadedImagesVerificationAllowlist;
  if (!ensureSecretPulledImages(config, target)) {
    const own = config.featureGates.get('KubeletEnsureSecretPulledImages')?.value === false;
    const gate = own ? 'KubeletEnsureSecretPulledImages (turned off in this configuration\'s featureGates)' : describeFeature(target, 'KubeletEnsureSecretPulledImages');
    if (policy?.value) {
      report({ message: `A credential verification policy without ${gate} (\`invalid configuration: \`imagePullCredentialsVerificationPolicy\` must not be set if KubeletEnsureSecretPulledImages feature gate is not enabled\`).`, span: policy.span, path: policy.path });
    }
    if (allowlist && entries.length > 0) {
      report({ message: `A preloaded-images allowlist without ${gate} (\`invalid configuration: \`preloadedImagesVerificationAllowlist\` must not be set if KubeletEnsureSecretPulledImages feature gate is not enabled\`).`, span: allowlist.span, path: allowlist.path });
    }
    return;
  }
  // An empty policy is defaulted to NeverVerifyPreloadedImages (v1beta1 defaults) before validation.
  const value = policy?.value || 'NeverVerifyPreloadedImages';
  if (policy?.value && !POLICIES.includes(policy.value)) {
    report({
      message: `An unknown image pull credential verification policy (\`invalid configuration: option ${JSON.stringify(policy.value)} specified for imagePullCredentialsVerificationPolicy. Valid options are ${POLICIES.map((p) => `"${p}"`).join(', ').replace(/, ("AlwaysVerify")$/, ' or $1')}\`).`,
      span: policy.span,
      path: policy.path,
    });
  }
  if (!allowlist || entries.length === 0) return;
  if (value !== 'NeverVerifyAllowlistedImages') {
    report({
      message: `A preloaded-images allowlist is read only with the NeverVerifyAllowlistedImages policy (\`invalid configuration: can't set \`preloadedImagesVerificationAllowlist\` if \`imagePullCredentialsVertificationPolicy\` is not "NeverVerifyAllowlistedImages"\`).`,
      span: allowlist.span,
      path: allowlist.path,
    });
    return;
  }
  // ValidateAllowlistImagesPatterns stops at the first bad pattern.
  for (const entry of entries) {
    if (entry.value === undefined) continue;
    const problem = allowlistPatternProblem(entry.value);
    if (!problem) continue;
    report({ message: `An allowlist entry the kubelet cannot match images with (\`invalid configuration: invalid image pattern in \`preloadedImagesVerificationAllowlist\`: ${problem}\`).`, span: entry.span, path: entry.path });
    return;
  }
}
