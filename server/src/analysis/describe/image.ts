/** inspect: each container's image parts and its effective imagePullPolicy. */
import { parseImageReference } from '../k8s/image-reference';
import { effectivePolicy } from '../k8s/effective-pull-policy';
import type { ContainerView } from '../model/pod-spec';

export function describeImage(container: ContainerView): Record<string, unknown> {
  const raw = container.view.get('image')?.value;
  const image = typeof raw === 'string' ? raw : undefined;
  const parsed = image !== undefined ? parseImageReference(image) : undefined;
  const ref = parsed?.ok ? parsed.ref : undefined;
  const policy = effectivePolicy(image, container.view.get('imagePullPolicy')?.value);
  return {
    image: {
      raw: raw ?? null,
      valid: parsed?.ok ?? false,
      error: parsed && !parsed.ok ? parsed.error.message : image === undefined ? 'no image' : null,
      registry: ref?.registry ?? null,
      repository: ref?.repository ?? null,
      tag: ref?.tag ?? null,
      digest: ref?.digest ?? null,
      fullName: ref?.fullName ?? null,
    },
    imagePullPolicy: { value: policy.value, defaulted: policy.defaulted, valid: policy.valid, reason: policy.reason },
  };
}
