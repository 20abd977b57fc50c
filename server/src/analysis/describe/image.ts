/** inspect: each container's image parts and its effective imagePullPolicy. */
import { parseImageReference } from '../k8s/image-reference';
import { effectivePolicy } from '../k8s/effective-pull-policy';
import type { ContainerView } from '../model/pod-spec';

/** An image reference as inspect reports it, for container images and image volumes alike. */
export function describeImageReference(raw: unknown): Record<string, unknown> {
  const image = typeof raw === 'string' ? raw : undefined;
  const parsed = image !== undefined ? parseImageReference(image) : undefined;
  const ref = parsed?.ok ? parsed.ref : undefined;
  return {
    raw: raw ?? null,
    valid: parsed?.ok ?? false,
    error: parsed && !parsed.ok ? parsed.error.message : image === undefined ? 'no image' : null,
    registry: ref?.registry ?? null,
    repository: ref?.repository ?? null,
    tag: ref?.tag ?? null,
    digest: ref?.digest ?? null,
    fullName: ref?.fullName ?? null,
  };
}

/** The pull policy as inspect reports it: the written one, or the default for the image. */
export function describePullPolicy(image: unknown, written: string | undefined): Record<string, unknown> {
  const policy = effectivePolicy(typeof image === 'string' ? image : undefined, written);
  return { value: policy.value, defaulted: policy.defaulted, valid: policy.valid, reason: policy.reason };
}

export function describeImage(container: ContainerView): Record<string, unknown> {
  // The image as written, of any type: inspect shows what is there, and says when it is not an image.
  const raw = container.fields.image?.written;
  return { image: describeImageReference(raw), imagePullPolicy: describePullPolicy(raw, container.fields.imagePullPolicy?.value) };
}
