/**
 * How lists of the built-in types merge in a strategic-merge patch: the `patchStrategy:"merge"` and `patchMergeKey`
 * tags of k8s.io/api core/v1 types.go (PodSpec, Container, EphemeralContainer, ObjectMeta), which kustomize reads
 * from the OpenAPI (x-kubernetes-patch-strategy / x-kubernetes-patch-merge-key). Lists not named here are replaced
 * whole. Lists keyed by several fields (ports: containerPort + protocol) are matched by the patchMergeKey alone, as
 * apimachinery's strategicpatch does.
 */

/** `Type.field` (catalog type names) → the merge key, or '' for a list of scalars merged as a set (finalizers). */
const MERGE_KEYS: Record<string, string> = {
  'V1PodSpec.containers': 'name',
  'V1PodSpec.initContainers': 'name',
  'V1PodSpec.ephemeralContainers': 'name',
  'V1PodSpec.volumes': 'name',
  'V1PodSpec.imagePullSecrets': 'name',
  'V1PodSpec.hostAliases': 'ip',
  'V1PodSpec.topologySpreadConstraints': 'topologyKey',
  'V1PodSpec.schedulingGates': 'name',
  'V1PodSpec.resourceClaims': 'name',
  'V1Container.ports': 'containerPort',
  'V1Container.env': 'name',
  'V1Container.volumeMounts': 'mountPath',
  'V1Container.volumeDevices': 'devicePath',
  'V1EphemeralContainer.ports': 'containerPort',
  'V1EphemeralContainer.env': 'name',
  'V1EphemeralContainer.volumeMounts': 'mountPath',
  'V1EphemeralContainer.volumeDevices': 'devicePath',
  'V1ObjectMeta.finalizers': '',
  'V1ObjectMeta.ownerReferences': 'uid',
};

/** The merge key of a list field, '' for a set of scalars, undefined for a list replaced whole. */
export function mergeKeyOf(typeName: string | undefined, field: string): string | undefined {
  if (!typeName) return undefined;
  const key = `${typeName}.${field}`;
  return Object.prototype.hasOwnProperty.call(MERGE_KEYS, key) ? MERGE_KEYS[key] : undefined;
}
