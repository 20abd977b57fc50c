/** Words for what the kubelet does with each pull policy, shared by the image and imagePullPolicy hovers. */
export { effectivePolicy } from '../k8s/effective-pull-policy';

export const IMAGES_DOC = 'https://kubernetes.io/docs/concepts/containers/images/';
export const PULL_POLICY_DOC = 'https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy';
export const BACKOFF_DOC = 'https://kubernetes.io/docs/concepts/containers/images/#imagepullbackoff';

// pkg/kubelet/images/image_manager.go and pkg/kubelet/kubelet.go (imageBackOffPeriod 10s, MaxImageBackOff 300s).
export function kubeletAction(policy: string): string {
  switch (policy) {
    case 'Always':
      return 'At every container start the kubelet asks the registry what the tag points to now and pulls it if the node does not have those exact bytes (cheap when the digest is unchanged).';
    case 'IfNotPresent':
      return 'The kubelet uses the image already on the node; it pulls only when the node has no image of that name.';
    case 'Never':
      return 'The kubelet never pulls: without the image on the node the container waits with reason `ErrImageNeverPull`.';
    default:
      return 'The API server rejects this value (supported: `Always`, `IfNotPresent`, `Never`).';
  }
}
