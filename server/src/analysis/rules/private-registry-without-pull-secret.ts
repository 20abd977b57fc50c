/** private-registry-without-pull-secret: images from a private registry, but no pull secret on the Pod or its service account. */
import { containerImages } from './support/container-images';
import { effectivePullSecrets } from '../k8s/pull-secrets';
import type { Rule } from './types';
import { quote } from './support/quote';

export const privateRegistryWithoutPullSecret: Rule = {
  id: 'private-registry-without-pull-secret',
  defaultSeverity: 'information',
  judgesAbsence: true,
  scope: 'workspace',
  title: 'Private registry without a pull secret',
  source:
    'kubelet: images are pulled with the Pod\'s imagePullSecrets plus those of its ServiceAccount (added by the ServiceAccount admission plugin); without any, the node pulls anonymously and a private registry answers 401, giving ErrImagePull then ImagePullBackOff.',
  description:
    'An image from a registry you listed in `podLens.privateRegistries`, in a Pod with no `imagePullSecrets` of its own and none through its ServiceAccount (as far as this workspace shows). Unless the nodes themselves are configured with credentials for that registry, the pull fails with `ImagePullBackOff`.',
  howToFix: 'Add `imagePullSecrets: [{name: <secret>}]` to the pod spec, or to its ServiceAccount.',
  check({ document, options, report }) {
    const privateRegistries = options.privateRegistries ?? [];
    const spec = document.workload?.podSpec;
    if (!spec || privateRegistries.length === 0) return;
    // The same reading as the hover's and inspect's: an entry without a name (`{name: ""}`) gives the kubelet nothing.
    const secrets = effectivePullSecrets(spec, document.namespace, options.workspace);
    if (secrets.own.length + secrets.fromServiceAccount.length > 0) return;
    const sa = secrets.serviceAccount;
    for (const image of containerImages(document)) {
      if (!image.parsed.ok || !privateRegistries.includes(image.parsed.ref.registry)) continue;
      report({
        message: `${image.parsed.ref.registry} is a private registry, but neither this Pod nor its service account ${quote(sa)} has an imagePullSecret: unless the nodes hold credentials for it, the pull fails with ImagePullBackOff.`,
        span: image.field.span,
        path: image.field.path,
      });
    }
  },
};
