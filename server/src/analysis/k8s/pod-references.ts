/**
 * The objects a pod spec names, found once: what `reference-not-found` checks, go-to-definition follows and the
 * workspace hovers describe. Each is where the kubelet or an admission plugin looks the object up: the
 * ServiceAccount (ServiceAccount admission), the RuntimeClass (RuntimeClass admission), pull secrets (kubelet image
 * pulls), ConfigMaps and Secrets of env and envFrom (kubelet makeEnvironmentVariables: CreateContainerConfigError
 * unless optional), and volume sources (kubelet volume manager: ContainerCreating until they exist).
 */
import type { ApiObject, Scalar } from '../model/api/types';
import type { PodSpecView } from '../model/pod-spec';

export type ReferencedKind = 'ServiceAccount' | 'RuntimeClass' | 'Secret' | 'ConfigMap' | 'PersistentVolumeClaim';

export interface PodReference {
  kind: ReferencedKind;
  /** The name as written; only references that write one are listed. */
  name: Scalar<string>;
  /** The key named inside a ConfigMap or Secret (`configMapKeyRef.key`), when there is one. */
  key?: Scalar<string>;
  /** `optional: true`: the Pod starts without the object. */
  optional: boolean;
  /** Where the reference is written. */
  via: 'serviceAccountName' | 'runtimeClassName' | 'imagePullSecrets' | 'env' | 'envFrom' | 'volume';
  /** The object holding the name (`configMapKeyRef`, a volume's `secret`…), undefined for the pod spec's own fields. */
  holder?: ApiObject;
}

function isOptional(source: { optional?: Scalar<boolean> }): boolean {
  return source.optional?.value === true;
}

export function podReferences(spec: PodSpecView): PodReference[] {
  const out: PodReference[] = [];
  const add = (reference: Omit<PodReference, 'name'> & { name: Scalar<string> | undefined }): void => {
    if (reference.name) out.push(reference as PodReference);
  };
  const pod = spec.fields;
  add({ kind: 'ServiceAccount', name: pod.serviceAccountName, optional: false, via: 'serviceAccountName' });
  add({ kind: 'RuntimeClass', name: pod.runtimeClassName, optional: false, via: 'runtimeClassName' });
  for (const secret of pod.imagePullSecrets) add({ kind: 'Secret', name: secret.name, optional: false, via: 'imagePullSecrets', holder: secret });
  for (const c of spec.all) {
    for (const env of c.fields.env) {
      const cm = env.valueFrom?.configMapKeyRef;
      if (cm) add({ kind: 'ConfigMap', name: cm.name, key: cm.key, optional: isOptional(cm), via: 'env', holder: cm });
      const secret = env.valueFrom?.secretKeyRef;
      if (secret) add({ kind: 'Secret', name: secret.name, key: secret.key, optional: isOptional(secret), via: 'env', holder: secret });
    }
    for (const from of c.fields.envFrom) {
      if (from.configMapRef) add({ kind: 'ConfigMap', name: from.configMapRef.name, optional: isOptional(from.configMapRef), via: 'envFrom', holder: from.configMapRef });
      if (from.secretRef) add({ kind: 'Secret', name: from.secretRef.name, optional: isOptional(from.secretRef), via: 'envFrom', holder: from.secretRef });
    }
  }
  for (const volume of pod.volumes) {
    if (volume.configMap) add({ kind: 'ConfigMap', name: volume.configMap.name, optional: isOptional(volume.configMap), via: 'volume', holder: volume.configMap });
    if (volume.secret) add({ kind: 'Secret', name: volume.secret.secretName, optional: isOptional(volume.secret), via: 'volume', holder: volume.secret });
    // A claim has no `optional`: the Pod waits for it.
    if (volume.persistentVolumeClaim) add({ kind: 'PersistentVolumeClaim', name: volume.persistentVolumeClaim.claimName, optional: false, via: 'volume', holder: volume.persistentVolumeClaim });
  }
  return out;
}
