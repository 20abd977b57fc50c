/** One finding per problem: what the schema rules leave to older, more specific rules, and the required fields they check. */

/** Enum values checked by older, more specific rules (one finding per problem: theirs). */
export const ENUMS_OWNED_ELSEWHERE = new Set(['V1Container.imagePullPolicy', 'V1EphemeralContainer.imagePullPolicy', 'V1ContainerPort.protocol', 'V1Container.restartPolicy', 'V1EphemeralContainer.restartPolicy', 'V1PodSpec.restartPolicy']);

/** Type errors another rule words better (quantities under container resources: resource-quantity-invalid). */
export const RESOURCE_QUANTITY = /\.resources\.(?:limits|requests)\[[^\]]*\]$/;

/**
 * Fields whose absence validation.go reports as `Required value` (the OpenAPI `required` list is wider than what the
 * API server enforces for built-in types, so only these are checked). Owned elsewhere: containers (containers-required),
 * containerPort (port-invalid), image (container-image-required), container, env and volume names (container-name,
 * env-name-invalid, volume-name).
 */
export const REQUIRED_CHECKED = new Set([
  'V1VolumeMount.name',
  'V1VolumeMount.mountPath',
  'V1DeploymentSpec.selector',
  'V1ReplicaSetSpec.selector',
  'V1DaemonSetSpec.selector',
  'V1StatefulSetSpec.selector',
  'V1CronJobSpec.schedule',
  'V1CronJobSpec.jobTemplate',
  'V1KeyToPath.key',
  'V1KeyToPath.path',
  'V1ConfigMapKeySelector.key',
  'V1SecretKeySelector.key',
  'V1ObjectFieldSelector.fieldPath',
  'V1ServicePort.port',
]);

/** Pull-secret payloads: docker-config-secret reads and words these. */
export const DOCKER_CONFIG = /^data\[\.docker(?:configjson|cfg)\]$/;

/**
 * Plain scalars that YAML 1.1 reads as a boolean or a number where a string belongs: value-not-string words these
 * (how Kubernetes read the scalar, and a fix that quotes it).
 */
export const VALUE_NOT_STRING = /(?:^|\.)(?:env\[\d+\]\.value|metadata\.(?:labels|annotations)\[[^\]]*\]|command\[\d+\]|args\[\d+\]|nodeSelector\[[^\]]*\])$|^(?:data|stringData)\[[^\]]*\]$/;
