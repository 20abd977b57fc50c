/** image-digest-invalid: a digest of the wrong length, case or algorithm; the kubelet rejects the image. */
import { containerImages, imagePartSpan } from './support/container-images';
import type { Rule } from './types';
import { unparsableImageMessage } from './support/quote';

export const imageDigestInvalid: Rule = {
  id: 'image-digest-invalid',
  defaultSeverity: 'error',
  title: 'Invalid image digest',
  source:
    'opencontainers/go-digest Validate as linked by Kubernetes pkg/util/parsers (sha256, sha384, sha512): `unsupported digest algorithm`, `invalid checksum digest length`, `invalid checksum digest format`; the kubelet fails the container with InvalidImageName.',
  description:
    'The `@algorithm:hex` part of an image is not a digest Kubernetes can verify: an algorithm other than sha256, sha384 or sha512, a hex part of the wrong length (64, 96 or 128 digits), or upper-case hex. The kubelet refuses the image and the container waits with reason `InvalidImageName`.',
  howToFix: 'Copy the digest exactly as the registry reports it (lower-case hex, e.g. `@sha256:` and 64 digits), or use Pod Lens\' "Pin to digest" fix on the tag.',
  check({ document, report }) {
    for (const image of containerImages(document)) {
      if (image.parsed.ok || image.parsed.error.kind !== 'digest') continue;
      report({
        message: `${unparsableImageMessage(image.raw, image.parsed.error.message)}. The kubelet cannot use this digest: the container waits with reason InvalidImageName.`,
        span: imagePartSpan(image, image.parsed.error.span),
        path: image.field.path,
      });
    }
  },
};
