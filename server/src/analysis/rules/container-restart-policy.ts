/** container-restart-policy: restartPolicy on an app container, which releases before ContainerRestartRules reject. */
import { DEFAULT_TARGET, featureStage, firstDefaultOnMinor, isFeatureEnabled } from '../k8s/target';
import { containerFieldPath } from '../model/pod-spec';
import { quote } from './support/quote';
import { removeFieldEdit } from './support/remove-field';
import type { Rule } from './types';

/** validation.go validateContainers with ContainerRestartRules: the container-level values. */
const RESTART_POLICIES = ['Always', 'Never', 'OnFailure'];

export const containerRestartPolicy: Rule = {
  id: 'container-restart-policy',
  defaultSeverity: 'error',
  title: 'restartPolicy on an app container',
  source:
    'validation.go validateContainers: `Forbidden: may not be set for non-init containers` in releases without the ContainerRestartRules gate (KEP-5307; alpha in 1.34, beta and on by default in 1.35, pkg/features/kube_features.go), and `Unsupported value` outside Always, OnFailure and Never where it is on; where it exists but is off, pkg/api/pod/util.go dropContainerRestartRules drops the field (field-dropped-by-feature-gate).',
  description:
    'A container-level `restartPolicy` in `containers`. Releases before 1.34 reject it (`may not be set for non-init containers`); from 1.35 (1.34 with the gate on) it overrides the Pod\'s restartPolicy for that container and may be Always, OnFailure or Never. Where the gate exists but is off, the API server drops it silently (reported by field-dropped-by-feature-gate).',
  howToFix: 'Remove it and use the Pod\'s `spec.restartPolicy`, or target a release where ContainerRestartRules is on (`podLens.kubernetesVersion`).',
  check({ document, options, report }) {
    const target = options.target ?? DEFAULT_TARGET;
    const gateExists = featureStage('ContainerRestartRules', target.minor) !== undefined;
    // Where the gate exists but is off the field is dropped, not rejected: another rule says so.
    if (gateExists && !isFeatureEnabled(target, 'ContainerRestartRules')) return;
    for (const c of document.workload?.podSpec.containers ?? []) {
      const field = c.fields.restartPolicy;
      if (!field) continue;
      const path = containerFieldPath(c, 'restartPolicy');
      if (gateExists) {
        // A value that is not a string is field-type-invalid's.
        if (field.value === undefined || RESTART_POLICIES.includes(field.value)) continue;
        report({ message: `Unsupported value: ${quote(field.value)}: supported values: ${RESTART_POLICIES.map((v) => JSON.stringify(v)).join(', ')}. The API server rejects the object.`, span: field.span, path });
        continue;
      }
      const remove = removeFieldEdit(document.text, field);
      report({
        message: `Forbidden: may not be set for non-init containers. The API server of Kubernetes ${target.minor} rejects the object: container restart rules (the ContainerRestartRules feature gate) come in 1.34 and are on by default from ${firstDefaultOnMinor('ContainerRestartRules')}.`,
        span: field.keySpan,
        path,
        fixes: remove ? [{ title: 'Remove restartPolicy', kind: 'quickfix', edits: [remove] }] : undefined,
      });
    }
  },
};
