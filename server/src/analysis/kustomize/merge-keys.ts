/**
 * How lists of the built-in types merge in a strategic-merge patch: the `patchStrategy:"merge"` and `patchMergeKey`
 * tags of k8s.io/api core/v1 types.go (PodSpec, Container, EphemeralContainer, ObjectMeta), which kustomize reads
 * from the OpenAPI (x-kubernetes-patch-strategy / x-kubernetes-patch-merge-key). Lists not named here are replaced
 * whole. Where the API also declares `x-kubernetes-list-map-keys` (+listMapKey: ports by containerPort and protocol,
 * topologySpreadConstraints by topologyKey and whenUnsatisfiable), kyaml merges by all of them: openapi.go
 * PatchStrategyAndKeyList returns that list, and walk/associative_sequence.go matches items on every key the item
 * has a value for (validateKeys).
 */

/** `Type.field` (catalog type names) → the merge key(s), or '' for a list of scalars merged as a set (finalizers). */
const MERGE_KEYS: Record<string, string | string[]> = {
  'V1PodSpec.containers': 'name',
  'V1PodSpec.initContainers': 'name',
  'V1PodSpec.ephemeralContainers': 'name',
  'V1PodSpec.volumes': 'name',
  'V1PodSpec.imagePullSecrets': 'name',
  'V1PodSpec.hostAliases': 'ip',
  'V1PodSpec.topologySpreadConstraints': ['topologyKey', 'whenUnsatisfiable'],
  'V1PodSpec.schedulingGates': 'name',
  'V1PodSpec.resourceClaims': 'name',
  'V1Container.ports': ['containerPort', 'protocol'],
  'V1Container.env': 'name',
  'V1Container.volumeMounts': 'mountPath',
  'V1Container.volumeDevices': 'devicePath',
  'V1EphemeralContainer.ports': ['containerPort', 'protocol'],
  'V1EphemeralContainer.env': 'name',
  'V1EphemeralContainer.volumeMounts': 'mountPath',
  'V1EphemeralContainer.volumeDevices': 'devicePath',
  'V1ObjectMeta.finalizers': '',
  'V1ObjectMeta.ownerReferences': 'uid',
  'V1ServiceSpec.ports': ['port', 'protocol'],
};

/** The merge key(s) of a list field, '' for a set of scalars, undefined for a list replaced whole. */
export function mergeKeyOf(typeName: string | undefined, field: string): string | string[] | undefined {
  if (!typeName) return undefined;
  const key = `${typeName}.${field}`;
  return Object.prototype.hasOwnProperty.call(MERGE_KEYS, key) ? MERGE_KEYS[key] : undefined;
}
