/** The table of all rules: one line per rule. */
import { containerImageRequired } from './container-image-required';
import { goTemplate } from './go-template';
import { imageReferenceInvalid } from './image-reference-invalid';
import { imageWhitespace } from './image-whitespace';
import { imageDigestInvalid } from './image-digest-invalid';
import { imageTagMutable } from './image-tag-mutable';
import { imagePullPolicyInvalid } from './image-pull-policy-invalid';
import { imagePullPolicyStaleLatest } from './image-pull-policy-stale-latest';
import { imagePullPolicyNever } from './image-pull-policy-never';
import { imageNotPinned } from './image-not-pinned';
import { containerName } from './container-name';
import { containerNameDuplicate } from './container-name-duplicate';
import { containersRequired } from './containers-required';
import { initContainerForbiddenField } from './init-container-forbidden-field';
import { initContainerRestartPolicy } from './init-container-restart-policy';
import { containerRestartPolicy } from './container-restart-policy';
import { containerRestartRulesInvalid } from './container-restart-rules-invalid';
import { resizePolicyInvalid } from './resize-policy-invalid';
import { podResourcesInvalid } from './pod-resources-invalid';
import { imageVolumeInvalid } from './image-volume-invalid';
import { hostnameOverrideInvalid } from './hostname-override-invalid';
import { hostUsersConflict } from './host-users-conflict';
import { stopSignalInvalid } from './stop-signal-invalid';
import { recursiveReadOnlyInvalid } from './recursive-read-only-invalid';
import { sleepActionInvalid } from './sleep-action-invalid';
import { resourceClaimsInvalid } from './resource-claims-invalid';
import { fieldDroppedByFeatureGate } from './field-dropped-by-feature-gate';
import { kubernetesVersionComment } from './kubernetes-version-comment';
import { kustomizePatchFailed } from './kustomize-patch-failed';
import { ephemeralContainers } from './ephemeral-containers';
import { portInvalid } from './port-invalid';
import { portName } from './port-name';
import { portDuplicate } from './port-duplicate';
import { hostPortConflict } from './host-port-conflict';
import { volumeName } from './volume-name';
import { volumeMountNotFound } from './volume-mount-not-found';
import { mountPathDuplicate } from './mount-path-duplicate';
import { envDuplicate } from './env-duplicate';
import { envReferenceUndefined } from './env-reference-undefined';
import { resourceQuantityInvalid } from './resource-quantity-invalid';
import { resourceRequestExceedsLimit } from './resource-request-exceeds-limit';
import { resourceFractionalBytes } from './resource-fractional-bytes';
import { resourcesMissing } from './resources-missing';
import { podRestartPolicy } from './pod-restart-policy';
import { podTiming } from './pod-timing';
import { imagePullSecretName } from './image-pull-secret-name';
import { subPathInvalid } from './sub-path-invalid';
import { volumeDeprecated } from './volume-deprecated';
import { envValueFromInvalid } from './env-value-from-invalid';
import { podNameFields } from './pod-name-fields';
import { probeInvalid } from './probe-invalid';
import { probePortUndeclared } from './probe-port-undeclared';
import { nodeLabelDeprecated } from './node-label-deprecated';
import { annotationDeprecated } from './annotation-deprecated';
import { hostNetworkFields } from './host-network-fields';
import { projectedPathDuplicate } from './projected-path-duplicate';
import { imagePullSecretNotFound } from './image-pull-secret-not-found';
import { referenceNotFound } from './reference-not-found';
import { dockerConfigSecret } from './docker-config-secret';
import { kubeletConfigImagePulls } from './kubelet-config-image-pulls';
import { imageDigestStale } from './image-digest-stale';
import { privateRegistryWithoutPullSecret } from './private-registry-without-pull-secret';
import { envNameInvalid } from './env-name-invalid';
import { labelSelectorNull } from './label-selector-null';
import { ipNonStandard } from './ip-non-standard';
import { fieldUnknown } from './field-unknown';
import { fieldTypeInvalid } from './field-type-invalid';
import { fieldValueUnsupported } from './field-value-unsupported';
import { fieldRequired } from './field-required';
import { apiVersionUnserved } from './api-version-unserved';
import { customResourceSchema } from './custom-resource-schema';
import type { Rule } from './types';
import { yamlDuplicateKey } from './yaml-duplicate-key';
import { yamlSyntax } from './yaml-syntax';
import { valueNotString } from './value-not-string';

export const RULES: readonly Rule[] = [
  yamlSyntax,
  yamlDuplicateKey,
  valueNotString,
  goTemplate,
  containerImageRequired,
  imageReferenceInvalid,
  imageVolumeInvalid,
  imageWhitespace,
  imageDigestInvalid,
  imageTagMutable,
  imagePullPolicyInvalid,
  imagePullPolicyStaleLatest,
  imagePullPolicyNever,
  imageNotPinned,
  containerName,
  containerNameDuplicate,
  containersRequired,
  initContainerForbiddenField,
  initContainerRestartPolicy,
  containerRestartPolicy,
  containerRestartRulesInvalid,
  resizePolicyInvalid,
  fieldDroppedByFeatureGate,
  kubernetesVersionComment,
  kustomizePatchFailed,
  ephemeralContainers,
  portInvalid,
  portName,
  portDuplicate,
  hostPortConflict,
  volumeName,
  volumeMountNotFound,
  mountPathDuplicate,
  recursiveReadOnlyInvalid,
  envNameInvalid,
  envDuplicate,
  envReferenceUndefined,
  resourceQuantityInvalid,
  resourceRequestExceedsLimit,
  podResourcesInvalid,
  resourceClaimsInvalid,
  resourceFractionalBytes,
  resourcesMissing,
  podRestartPolicy,
  podTiming,
  sleepActionInvalid,
  stopSignalInvalid,
  imagePullSecretName,
  subPathInvalid,
  volumeDeprecated,
  envValueFromInvalid,
  podNameFields,
  hostnameOverrideInvalid,
  probeInvalid,
  probePortUndeclared,
  nodeLabelDeprecated,
  annotationDeprecated,
  hostNetworkFields,
  projectedPathDuplicate,
  hostUsersConflict,
  labelSelectorNull,
  ipNonStandard,
  imagePullSecretNotFound,
  referenceNotFound,
  dockerConfigSecret,
  kubeletConfigImagePulls,
  imageDigestStale,
  privateRegistryWithoutPullSecret,
  apiVersionUnserved,
  fieldUnknown,
  customResourceSchema,
  fieldTypeInvalid,
  fieldValueUnsupported,
  fieldRequired,
];
