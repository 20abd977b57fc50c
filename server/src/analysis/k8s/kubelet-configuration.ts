/**
 * A KubeletConfiguration file read with the types of k8s.io/kubelet/config/v1beta1/types.go: it is no API object, so
 * the catalog behind the typed views does not have it; the image-pull fields its rule checks are typed here, once.
 */
import type { Scalar } from '../model/api/types';
import type { ManifestDocument } from '../model/manifest';
import type { Field, MapView } from '../model/node-view';
import { scalarOf } from '../model/api/object-view';

export interface KubeletConfiguration {
  /** `*bool`. */
  serializeImagePulls: Scalar<boolean> | undefined;
  /** `*int32`; `value` is any JSON number (whether it fits an int32 is the decoder's question, not validation's). */
  maxParallelImagePulls: Scalar<number> | undefined;
  /** `ImagePullCredentialsVerificationPolicy`, a string. */
  imagePullCredentialsVerificationPolicy: Scalar<string> | undefined;
  /** `[]string`: every item, `value` set on the strings. */
  preloadedImagesVerificationAllowlist: readonly Scalar<string>[];
  /** `map[string]bool`: the configuration's own feature gates, by gate name. */
  featureGates: ReadonlyMap<string, Scalar<boolean>>;
  /** A field's entry as written, for presence and the span of a list. */
  $entry(key: KubeletConfigurationField): Field | undefined;
}

type KubeletConfigurationField = Exclude<keyof KubeletConfiguration, '$entry'>;

function scalar<T>(field: Field | undefined, fits: (v: unknown) => v is T): Scalar<T> | undefined {
  return field && scalarOf<T>(field, fits);
}

const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isNumber = (v: unknown): v is number => typeof v === 'number';
const isString = (v: unknown): v is string => typeof v === 'string';

function featureGatesOf(root: MapView): ReadonlyMap<string, Scalar<boolean>> {
  const gates = new Map<string, Scalar<boolean>>();
  for (const { key, field } of root.map('featureGates')?.entries() ?? []) gates.set(key, scalarOf<boolean>(field, isBoolean));
  return gates;
}

/** The document as a KubeletConfiguration (kind KubeletConfiguration of group kubelet.config.k8s.io), else undefined. */
export function kubeletConfiguration(document: ManifestDocument): KubeletConfiguration | undefined {
  const root = document.root;
  if (document.kind !== 'KubeletConfiguration' || !root || !/^kubelet\.config\.k8s\.io\//.test(document.apiVersion ?? '')) return undefined;
  return {
    serializeImagePulls: scalar(root.get('serializeImagePulls'), isBoolean),
    maxParallelImagePulls: scalar(root.get('maxParallelImagePulls'), isNumber),
    imagePullCredentialsVerificationPolicy: scalar(root.get('imagePullCredentialsVerificationPolicy'), isString),
    preloadedImagesVerificationAllowlist: (root.seq('preloadedImagesVerificationAllowlist')?.items() ?? []).map((item) => scalarOf<string>(item, isString)),
    featureGates: featureGatesOf(root),
    $entry: (key) => root.get(key),
  };
}
