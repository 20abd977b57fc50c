/** image-digest-stale: a pinned image whose tag now points to another digest (only with online checks on). */
import { tagKey } from '../k8s/image-reference';
import { pinImage } from '../fixes/pin-image';
import { quoteOf } from '../model/node-view';
import { containerImages } from './support/container-images';
import type { Rule } from './types';

export const imageDigestStale: Rule = {
  id: 'image-digest-stale',
  defaultSeverity: 'information',
  scope: 'workspace',
  title: 'Pinned digest no longer what the tag points to',
  source: 'The registry\'s answer to HEAD /v2/<repo>/manifests/<tag> (Docker-Content-Digest), compared with the pinned digest. Only with podLens.registry.onlineChecks: nothing talks to a registry unasked.',
  description:
    'An image written as `name:tag@sha256:…` whose tag now points to a different digest at the registry. The Pod keeps running the pinned bytes (the digest wins); the note tells you a newer build of that tag exists.',
  howToFix: 'Run "Update pinned digest" to pin the tag\'s current digest, or keep the old one on purpose.',
  check({ document, options, report }) {
    const current = options.currentDigests;
    if (!current) return;
    for (const image of containerImages(document)) {
      if (!image.parsed.ok || !image.parsed.ref.digest) continue;
      const { nameSpan, tagSpan, digest } = image.parsed.ref;
      const key = tagKey(image.raw, nameSpan.end, tagSpan);
      const now = key ? current[key] : undefined;
      if (!now || now === digest) continue;
      const quote = quoteOf(image.field.node);
      report({
        message: `The tag of ${key} now points to ${now}; this manifest pins ${digest}.`,
        span: image.field.span,
        path: image.field.path,
        fixes: [{ title: 'Update pinned digest', kind: 'quickfix', isPreferred: true, edits: [{ span: image.field.span, newText: `${quote}${pinImage(image.raw, now, true)}${quote}` }] }],
      });
    }
  },
};
