/**
 * kubelet-config-image-pulls: maxParallelImagePulls ≥ 1, and above 1 only with serializeImagePulls: false; image-pull
 * credential verification (policy and allowlist) as its gate allows.
 */
import { kubeletConfiguration } from '../k8s/kubelet-configuration';
import type { Rule } from './types';
import { checkImagePullCredentials } from './support/image-pull-credentials';

export const kubeletConfigImagePulls: Rule = {
  id: 'kubelet-config-image-pulls',
  defaultSeverity: 'error',
  title: 'Invalid kubelet image-pull settings',
  source:
    'pkg/kubelet/apis/config/validation: `invalid configuration: maxParallelImagePulls <v> must be a positive number` and `invalid configuration: maxParallelImagePulls cannot be larger than 1 unless SerializeImagePulls (--serialize-image-pulls) is set to false`; v1beta1 defaults: serializeImagePulls defaults to false when maxParallelImagePulls ≥ 2 is set. With KubeletEnsureSecretPulledImages: `option "…" specified for imagePullCredentialsVerificationPolicy. Valid options are …`, ``can\'t set `preloadedImagesVerificationAllowlist` if `imagePullCredentialsVertificationPolicy` is not "NeverVerifyAllowlistedImages"``, ``invalid image pattern in `preloadedImagesVerificationAllowlist` `` (pkg/kubelet/images/pullmanager getAllowlistImagePattern); without it either field `must not be set`.',
  description:
    'In a `KubeletConfiguration` (kubelet.config.k8s.io/v1beta1), `maxParallelImagePulls` must be at least 1, and above 1 only when image pulls are not serialized. The kubelet refuses to start with an invalid combination. By default pulls are serial (one image at a time per node); `serializeImagePulls: false` lets pulls of different Pods run in parallel, up to `maxParallelImagePulls`. With the KubeletEnsureSecretPulledImages feature (beta and on by default from Kubernetes 1.35, or set in the configuration\'s own `featureGates`) `imagePullCredentialsVerificationPolicy` must be NeverVerify, NeverVerifyPreloadedImages (the default), NeverVerifyAllowlistedImages or AlwaysVerify, and `preloadedImagesVerificationAllowlist` is allowed only with NeverVerifyAllowlistedImages and holds image names without tag or digest, or prefixes ending in `/*`; without the feature neither field may be set.',
  howToFix: 'Set `serializeImagePulls: false` together with `maxParallelImagePulls: N` (N ≥ 2), or leave both unset for serial pulls.',
  consequence: 'The kubelet refuses to start with this configuration.',
  check({ document, options, report }) {
    const config = kubeletConfiguration(document);
    if (!config) return;
    checkImagePullCredentials(config, options.target, report);
    const max = config.maxParallelImagePulls;
    if (max?.value === undefined) return;
    if (max.value < 1) {
      report({ message: `invalid configuration: maxParallelImagePulls ${max.value} must be a positive number`, span: max.span, path: 'maxParallelImagePulls' });
    } else if (max.value > 1 && config.serializeImagePulls?.value === true) {
      report({ message: 'invalid configuration: maxParallelImagePulls cannot be larger than 1 unless SerializeImagePulls (--serialize-image-pulls) is set to false', span: max.span, path: 'maxParallelImagePulls' });
    }
  },
};
