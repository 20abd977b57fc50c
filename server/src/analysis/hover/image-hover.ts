/** Hover on an image: its parts, the effective pull policy and the rule behind it, what the kubelet will do. */
import { kubeletTag, parseImageReference } from '../k8s/image-reference';
import { containerFieldAt } from './container-field';
import { BACKOFF_DOC, DEFAULT_IS_FIXED, effectivePolicy, IMAGES_DOC, kubeletAction, PULL_FAILURE, PULL_POLICY_DOC } from './pull-behaviour';
import type { HoverProvider } from './types';
import { mdCode, mdText } from './markdown';
import { unparsableImageMessage } from '../rules/support/quote';
import { kustomizedImageLines } from './kustomize-image';

export const imageHover: HoverProvider = ({ document, offset, options }) => {
  const found = containerFieldAt(document, offset, 'image');
  if (!found || typeof found.field.value !== 'string') return undefined;
  const raw = found.field.value;
  const parsed = parseImageReference(raw);
  const written = found.container.view.get('imagePullPolicy')?.value;
  const policy = effectivePolicy(raw, written);
  const lines = [`**Image** ${mdCode(raw)}`, ''];
  if (parsed.ok) {
    const r = parsed.ref;
    lines.push(
      '| part | value |',
      '|---|---|',
      `| registry | ${mdCode(r.registry, true)} |`,
      `| repository | ${mdCode(r.repository, true)} |`,
      `| tag | ${r.tag !== null ? mdCode(r.tag, true) : r.digest ? '— (digest only)' : `— (the kubelet pulls ${mdCode(kubeletTag(r), true)})`} |`,
      `| digest | ${r.digest ? mdCode(r.digest, true) : '—'} |`,
      `| full name | ${mdCode(`${r.fullName}${r.tag !== null ? `:${r.tag}` : ''}${r.digest ? `@${r.digest}` : ''}`, true)} |`,
      '',
    );
    if (r.digest) lines.push(`Pinned: the kubelet runs exactly ${mdCode(r.digest)}${r.tag !== null ? `; the tag ${mdCode(r.tag)} is only for readers` : ''}.`, '');
  } else {
    lines.push(`**Not a valid image reference**: ${mdText(unparsableImageMessage(raw, parsed.error.message))}. The kubelet will fail the container with \`InvalidImageName\`.`, '');
  }
  lines.push(...kustomizedImageLines(raw, options.kustomize));
  lines.push(
    `**imagePullPolicy: ${mdText(policy.value)}** — ${policy.defaulted ? `defaulted: ${mdText(policy.reason)}` : 'written in the manifest'}.`,
    '',
    kubeletAction(policy.value),
    '',
    PULL_FAILURE,
  );
  if (policy.defaulted) lines.push('', DEFAULT_IS_FIXED);
  lines.push('', `[Images](${IMAGES_DOC}) · [Image pull policy](${PULL_POLICY_DOC}) · [ImagePullBackOff](${BACKOFF_DOC})`);
  return { markdown: lines.join('\n'), span: found.field.span };
};
