/**
 * Hover on an image volume's reference (`volumes[].image.reference`): the reference's parts as for a container image,
 * and its pull policy, which defaults as a container's does (the ImageVolumeSource field description).
 */
import { effectivePolicy } from '../k8s/effective-pull-policy';
import { imagePartLines } from './image-hover';
import { IMAGES_DOC, PULL_POLICY_DOC } from './pull-behaviour';
import { contains, type HoverProvider } from './types';
import { mdCode, mdText } from './markdown';

const IMAGE_VOLUME_DOC = 'https://kubernetes.io/docs/concepts/storage/volumes/#image';

/** What the kubelet does with each pull policy of an image volume (ImageVolumeSource.pullPolicy). */
function volumePullAction(policy: string): string {
  switch (policy) {
    case 'Always':
      return 'The kubelet always tries to pull the reference when the Pod starts; if the pull fails, the containers are not created.';
    case 'IfNotPresent':
      return 'The kubelet pulls only when the reference is not on the node yet; if it is missing and the pull fails, the containers are not created.';
    case 'Never':
      return 'The kubelet never pulls: the image or artifact must already be on the node, or the containers are not created.';
    default:
      return 'The API server rejects this value (supported: `Always`, `IfNotPresent`, `Never`).';
  }
}

export const imageVolumeHover: HoverProvider = ({ document, offset }) => {
  for (const volume of document.workload?.podSpec.fields.volumes ?? []) {
    const field = volume.image?.reference;
    if (field?.value === undefined || !contains(field.entrySpan, offset)) continue;
    const raw = field.value;
    const policy = effectivePolicy(raw, volume.image?.pullPolicy?.value);
    const lines = [
      `**Image volume** ${mdCode(volume.name?.value ?? '(unnamed)')}: ${mdCode(raw)}`,
      '',
      ...imagePartLines(raw, 'the kubelet cannot pull it, and the Pod\'s containers are not created.'),
      `**pullPolicy: ${mdText(policy.value)}** — ${policy.defaulted ? `defaulted: ${mdText(policy.reason)}` : 'written in the manifest'}.`,
      '',
      volumePullAction(policy.value),
      '',
      `[Image volumes](${IMAGE_VOLUME_DOC}) · [Images](${IMAGES_DOC}) · [Image pull policy](${PULL_POLICY_DOC})`,
    ];
    return { markdown: lines.join('\n'), span: field.span, complete: true };
  }
  return undefined;
};
