/** image-reference-invalid: an image the kubelet cannot parse, so the container never starts (InvalidImageName). */
import { hasOuterWhitespace, parseImageReference } from '../k8s/image-reference';
import { plainQuote } from '../model/node-view';
import type { ManifestDocument } from '../model/manifest';
import { containerImages, imagePartSpan, type ContainerImage } from './support/container-images';
import type { Fix, Rule } from './types';
import { unparsableImageMessage } from './support/quote';

export const imageReferenceInvalid: Rule = {
  id: 'image-reference-invalid',
  defaultSeverity: 'error',
  title: 'Image reference the kubelet cannot parse',
  source:
    'pkg/util/parsers ParseImageName (distribution/reference ParseNormalizedNamed); kubelet applyDefaultImageTag fails the container with reason InvalidImageName. The API server does not check image syntax.',
  description:
    'An image that is not a valid reference by the distribution/reference grammar Kubernetes uses: an upper-case repository, a bad tag, a stray character, a bare 64-hex name. The API server accepts the object; the kubelet then cannot parse the image and the container waits forever with reason `InvalidImageName` (event `Failed to apply default image tag`). Digest problems have their own rule, `image-digest-invalid`.',
  howToFix: 'Write the image as `[registry[:port]/]repository[:tag][@digest]`, with a lower-case repository, e.g. `registry.example.com:5000/team/app:1.4`.',
  check({ document, report }) {
    for (const image of containerImages(document)) {
      if (image.parsed.ok || image.parsed.error.kind === 'digest') continue;
      // Whitespace in a Pod is rejected by the API server already: image-whitespace says so.
      if (hasOuterWhitespace(image.raw) && !image.spec.isPodTemplate) continue;
      report({
        message: `${unparsableImageMessage(image.raw, image.parsed.error.message)}. The API server accepts this, but the kubelet cannot parse it: the container waits with reason InvalidImageName and never starts.`,
        span: imagePartSpan(image, image.parsed.error.span),
        path: image.field.path,
        fixes: lowercaseFix(document, image),
      });
    }
  },
};

/**
 * `Nginx:1.0` → `nginx:1.0`: repositories are lower-case in the reference grammar, while tags may hold capitals, so
 * only the part the parser names (the repository path) is lowered, and only when the result parses.
 */
function lowercaseFix(document: ManifestDocument, image: ContainerImage): Fix[] | undefined {
  if (image.parsed.ok || image.parsed.error.kind !== 'lowercase') return undefined;
  const { start, end } = image.parsed.error.span;
  const candidate = `${image.raw.slice(0, start)}${image.raw.slice(start, end).toLowerCase()}${image.raw.slice(end)}`;
  const mark = plainQuote(document.text, image.field);
  if (candidate === image.raw || mark === undefined || !parseImageReference(candidate).ok) return undefined;
  return [{ title: `Lowercase the repository: ${candidate}`, kind: 'quickfix', isPreferred: true, edits: [{ span: image.field.span, newText: `${mark}${candidate}${mark}` }] }];
}
