/** image-pull-policy-stale-latest: IfNotPresent with a mutable tag; each node keeps whatever it pulled first. */
import { containerImages, pullPolicyField } from './support/container-images';
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
      const policy = pullPolicyField(image);
      if (!image.parsed.ok || policy?.value !== 'IfNotPresent') continue;
      const ref = image.parsed.ref;
      if (ref.digest || (ref.tag !== null && ref.tag !== 'latest')) continue;
      report({
        message: `imagePullPolicy IfNotPresent with ${quote(image.raw)}: a node that already has a "latest" image keeps using it, so nodes run whatever they pulled first and new pushes never arrive there.`,
        span: policy.span,
        path: policy.path,
      });
    }
  },
};
