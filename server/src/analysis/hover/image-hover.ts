/**
 * Hover on an image, answer first: the effective pull policy and why, what the kubelet will do with it, then the
 * image's parts in one table row; the back-off and defaulting details are behind the docs links. An invalid image is
 * not described again (its diagnostic shows beside the hover): only what follows from it.
 */
import { kubeletTag, parseImageReference } from '../k8s/image-reference';
import { containerFieldAt } from './container-field';
import { BACKOFF_DOC, effectivePolicy, IMAGES_DOC, kubeletAction, PULL_POLICY_DOC } from './pull-behaviour';
import type { HoverProvider } from './types';
import { mdCode, mdText } from './markdown';
import { kustomizedImageLines } from './kustomize-image';

/**
 * The parts of an image reference in one table row (a digest pins it), or, when it cannot be parsed, that it is not
 * valid and `failure`, what follows from it. Shared with image volumes.
 */
export function imagePartLines(raw: string, failure: string): string[] {
  const parsed = parseImageReference(raw);
  if (!parsed.ok) return [`**Not a valid image reference**: ${failure}`, ''];
  const r = parsed.ref;
  const lines: string[] = [];
  if (r.digest) lines.push(`Pinned: the kubelet runs exactly ${mdCode(r.digest)}${r.tag !== null ? `; the tag ${mdCode(r.tag)} is only for readers` : ''}.`, '');
  const tag = r.tag !== null ? mdCode(r.tag, true) : r.digest ? '— (digest only)' : `— (pulls ${mdCode(kubeletTag(r), true)})`;
  lines.push('| registry | repository | tag |', '|---|---|---|', `| ${mdCode(r.registry, true)} | ${mdCode(r.repository, true)} | ${tag} |`, '');
  return lines;
}

export const imageHover: HoverProvider = ({ document, offset, options }) => {
  const found = containerFieldAt(document, offset, 'image');
  if (found?.field.value === undefined) return undefined;
  const raw = found.field.value;
  const valid = parseImageReference(raw).ok;
  const policy = effectivePolicy(raw, found.container.fields.imagePullPolicy?.value);
  const why = !policy.valid ? 'not a pull policy: the API server rejects the object' : policy.defaulted ? `defaulted: ${mdText(policy.reason)}` : 'written in the manifest';
  const lines: string[] = [];
  // An image the kubelet cannot parse never starts: that outweighs everything else here.
  if (!valid) lines.push(...imagePartLines(raw, 'the kubelet cannot parse it, so the container waits with `InvalidImageName` and never starts.'));
  lines.push(`**imagePullPolicy: ${mdText(policy.value)}** — ${why}.`, '');
  if (policy.valid) lines.push(kubeletAction(policy.value), '');
  // What Kustomize's `images:` entries make of it, for the image the Pod will really run.
  lines.push(...kustomizedImageLines(raw, options.kustomize));
  if (valid) lines.push(...imagePartLines(raw, ''));
  lines.push(`[Images](${IMAGES_DOC}) · [Image pull policy](${PULL_POLICY_DOC}) · [Pull errors and back-off](${BACKOFF_DOC})`);
  return { markdown: lines.join('\n'), span: found.field.span, complete: true };
};
