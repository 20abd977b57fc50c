/**
 * inspect: the Pod's image volumes (`volumes[].image`, KEP-4639), read like container images: the reference's parts and
 * the pull policy, which defaults as a container's does (Always for :latest or no tag, else IfNotPresent).
 */
import type { PodSpecView } from '../model/pod-spec';
import { describeImageReference, describePullPolicy } from './image';

export function describeImageVolumes(spec: PodSpecView): Record<string, unknown> {
  const volumes = spec.fields.volumes.flatMap((volume) => {
    const image = volume.image;
    if (!image) return [];
    // The reference as written, of any type: inspect shows what is there, and says when it is not an image.
    const raw = image.reference?.written;
    return [{ name: volume.name?.value ?? null, path: image.$path, image: describeImageReference(raw), pullPolicy: describePullPolicy(raw, image.pullPolicy?.value) }];
  });
  // Only pod specs with image volumes carry the key, so other reports keep their shape.
  return volumes.length > 0 ? { imageVolumes: volumes } : {};
}
