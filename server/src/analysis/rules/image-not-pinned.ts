/** image-not-pinned (off by default): any image without a digest, for teams that require digests. */
import { containerImages } from './support/container-images';
import { pinFix } from './support/pin-fix';
import type { Rule } from './types';
import { quote } from './support/quote';

export const imageNotPinned: Rule = {
  id: 'image-not-pinned',
  defaultSeverity: 'warning',
  enabledByDefault: false,
  title: 'Image not pinned to a digest',
  source:
    'Kubernetes docs, "Images": a digest identifies one exact image; a tag can be moved. Off by default: turn it on with "podLens.rules": { "image-not-pinned": "warning" }.',
  description:
    'An image without `@sha256:…`. Tags can be moved by whoever controls the repository, so the same manifest can run different bytes tomorrow. Teams that require reproducible deployments pin every image to a digest.',
  howToFix: 'Run the "Pin to digest" quick fix (or "Pin all images in this file to digests", or `pod-lens pin` in CI).',
  check({ document, report }) {
    for (const image of containerImages(document)) {
      if (!image.parsed.ok || image.parsed.ref.digest) continue;
      report({
        message: `Image ${quote(image.raw)} is not pinned to a digest: the tag can point to other bytes tomorrow.`,
        span: image.field.span,
        path: image.field.path,
        fixes: [pinFix(document, image, 'quickfix')].filter((f) => f !== undefined),
      });
    }
  },
};
