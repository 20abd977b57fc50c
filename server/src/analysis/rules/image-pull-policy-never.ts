/** image-pull-policy-never: Never pulls; the image must already be on every node that may run the Pod. */
import type { Rule } from './types';

export const imagePullPolicyNever: Rule = {
  id: 'image-pull-policy-never',
  defaultSeverity: 'information',
  title: 'imagePullPolicy Never',
  source:
    'kubelet images/image_manager.go: with Never a missing image gives ErrImageNeverPull (`Container image "<image>" is not present with pull policy of Never`).',
  description:
    '`imagePullPolicy: Never` makes the kubelet use only images already on the node. On any node without the image the container waits with reason `ErrImageNeverPull`. That suits preloaded images (kind, minikube, air-gapped nodes) and nothing else.',
  howToFix: 'Make sure the image is preloaded on every node the Pod can be scheduled to, or use `IfNotPresent`.',
  check({ document, report }) {
    for (const c of document.workload?.podSpec.all ?? []) {
      const field = c.fields.imagePullPolicy;
      if (field?.value !== 'Never') continue;
      report({
        message: `imagePullPolicy Never: the kubelet never pulls; on a node without the image the container waits with reason ErrImageNeverPull.`,
        span: field.span,
        path: field.path,
      });
    }
  },
};
