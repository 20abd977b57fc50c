/**
 * inspect: the Pod's image volumes (`volumes[].image`, KEP-4639), read like container images: the reference's parts and
 * the pull policy, which defaults as a container's does (Always for :latest or no tag, else IfNotPresent).
 */
import type { PodSpecView } from '../model/pod-spec';
import { describeImageReference, describePullPolicy } from './image';

export function describeImageVolumes(spec: PodSpecView): Record<string, unknown> {
  const volumes = (spec.view.seq('volumes')?.maps() ?? []).flatMap(({ view }) => {
    const image = view.map('image');
    if (!image) return [];
    const raw = image.get('reference')?.value;
    return [{ name: view.string('name') ?? null, path: image.path, image: describeImageReference(raw), pullPolicy: describePullPolicy(raw, image.get('pullPolicy')?.value) }];
  });
  // Only pod specs with image volumes carry the key, so other reports keep their shape.
  return volumes.length > 0 ? { imageVolumes: volumes } : {};
}
