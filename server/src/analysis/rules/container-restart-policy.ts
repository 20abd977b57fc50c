/** container-restart-policy: restartPolicy on an app container is forbidden before ContainerRestartRules. */
import { containerFieldPath } from '../model/pod-spec';
import { removeFieldEdit } from './support/remove-field';
import type { Rule } from './types';

export const containerRestartPolicy: Rule = {
  id: 'container-restart-policy',
  defaultSeverity: 'warning',
  title: 'restartPolicy on an app container',
  source:
    'validation.go validateContainers: `Forbidden: may not be set for non-init containers` without the ContainerRestartRules gate (KEP-5307, alpha in v1.34, which allows Always, OnFailure and Never).',
  description:
    'A container-level `restartPolicy` in `containers`. Clusters before v1.34, and those without the alpha ContainerRestartRules feature gate, reject it (`may not be set for non-init containers`); with the gate it overrides the Pod\'s restartPolicy for that container. A warning, because which applies depends on your cluster.',
  howToFix: 'Remove it and use the Pod\'s `spec.restartPolicy`, unless your clusters run v1.34+ with ContainerRestartRules enabled.',
  check({ document, report }) {
    for (const c of document.workload?.podSpec.containers ?? []) {
      const field = c.view.get('restartPolicy');
      if (!field) continue;
      const remove = removeFieldEdit(document.text, field);
      report({
        message: `${containerFieldPath(c, 'restartPolicy')}: Forbidden: may not be set for non-init containers — unless the cluster runs v1.34+ with the alpha ContainerRestartRules gate; otherwise the API server rejects the object.`,
        span: field.keySpan,
        path: containerFieldPath(c, 'restartPolicy'),
        fixes: remove ? [{ title: 'Remove restartPolicy', kind: 'quickfix', edits: [remove] }] : undefined,
      });
    }
  },
};
