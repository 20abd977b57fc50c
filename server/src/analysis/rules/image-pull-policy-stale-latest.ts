/** image-pull-policy-stale-latest: IfNotPresent with a mutable tag; each node keeps whatever it pulled first. */
import { containerImages } from './support/container-images';
import { pinFix } from './support/pin-fix';
import type { Rule } from './types';
import { quote } from './support/quote';

export const imagePullPolicyStaleLatest: Rule = {
  id: 'image-pull-policy-stale-latest',
  defaultSeverity: 'warning',
  title: 'IfNotPresent with a mutable tag',
  source:
    'kubelet images/image_manager.go: with IfNotPresent an image already on the node is used without asking the registry; ParseImageName: no tag means "latest".',
  description:
    'An explicit `imagePullPolicy: IfNotPresent` on an image tagged `latest` or not tagged at all. The kubelet pulls only when the node has no image of that name, so each node keeps whatever `latest` it pulled first: nodes drift apart and a new push never arrives on nodes that already have one.',
  howToFix: 'Pin a version tag or a digest (the "Pin to digest" fix), or use `Always` if the tag is meant to move.',
  check({ document, report }) {
    for (const image of containerImages(document)) {
      const policy = image.container.fields.imagePullPolicy;
      if (!image.parsed.ok || policy?.value !== 'IfNotPresent') continue;
      const ref = image.parsed.ref;
      if (ref.digest || (ref.tag !== null && ref.tag !== 'latest')) continue;
      // The one finding for latest + IfNotPresent (image-tag-mutable stays quiet here), so it carries the pin fix too.
      const what = ref.tag === 'latest' ? `${quote(image.raw)} (tag "latest")` : `${quote(image.raw)} (no tag, pulled as "latest")`;
      report({
        message: `Stale "latest" on each node: with imagePullPolicy IfNotPresent the kubelet pulls ${what} only on nodes that have no copy, so every node keeps running whichever "latest" it pulled first and new pushes never reach it. Pin a version tag or a digest.`,
        span: policy.span,
        path: policy.path,
        fixes: [pinFix(document, image, 'quickfix')].filter((f) => f !== undefined),
        data: { image: image.raw },
      });
    }
  },
};
