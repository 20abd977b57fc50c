/** image-tag-mutable: `:latest` or no tag at all, so what runs depends on when and where it is pulled. */
import { defaultPullPolicy } from '../k8s/pull-policy';
import { containerImages, imagePartSpan } from './support/container-images';
import { pinFix } from './support/pin-fix';
import type { Rule } from './types';
import { quote } from './support/quote';

export const imageTagMutable: Rule = {
  id: 'image-tag-mutable',
  defaultSeverity: 'warning',
  title: 'Mutable image tag (latest or none)',
  source:
    'kubelet ParseImageName: no tag and no digest means tag "latest"; SetDefaults_Container (pkg/apis/core/v1/defaults.go) then defaults imagePullPolicy to Always. Kubernetes docs, "Images": avoid :latest in production.',
  description:
    'An image with the tag `latest`, or with no tag and no digest (which the kubelet pulls as `latest`), pulled with `imagePullPolicy: Always` (the default for such images); every container start resolves the tag again, so a restart or a new node can run different code than the one you tested, and rolling back to "the previous latest" is impossible. A digest (`@sha256:…`) pins the image even when the tag is `latest`. With `IfNotPresent` the problem is the opposite (nodes keep a stale image) and `image-pull-policy-stale-latest` reports it instead; with `Never` see `image-pull-policy-never`.',
  howToFix: 'Use a version tag (`nginx:1.27.3`), or run the "Pin to digest" quick fix, which asks the registry and writes `nginx:1.27@sha256:…`.',
  check({ document, report }) {
    for (const image of containerImages(document)) {
      if (!image.parsed.ok) continue;
      const ref = image.parsed.ref;
      if (ref.digest || (ref.tag !== null && ref.tag !== 'latest')) continue;
      const written = image.container.fields.imagePullPolicy?.written;
      // Only under Always does each start ask the registry again. IfNotPresent keeps what the node has
      // (image-pull-policy-stale-latest says so, in one finding) and Never never pulls (image-pull-policy-never).
      // A written value that is not a policy at all (`always`) is image-pull-policy-invalid's error: the object is rejected.
      if (written !== undefined && written !== null && written !== '' && written !== 'Always') continue;
      const policy = typeof written === 'string' && written !== '' ? `imagePullPolicy ${written}` : `the default imagePullPolicy ${defaultPullPolicy(image.raw).policy}`;
      const what = ref.tag === 'latest' ? `uses the mutable tag "latest"` : `has no tag, so the kubelet pulls "latest"`;
      report({
        message: `Image ${quote(image.raw)} ${what}: with ${policy}, a restart or another node can run different code, and a rollback cannot bring the old image back. Pin a version tag or a digest.`,
        span: ref.tag === 'latest' ? imagePartSpan(image, ref.tagSpan) : image.field.span,
        path: image.field.path,
        fixes: [pinFix(document, image, 'quickfix')].filter((f) => f !== undefined),
        data: { image: image.raw },
      });
    }
  },
};
