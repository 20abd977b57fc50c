/** init-container-restart-policy: an init container's restartPolicy: Always (a sidecar), or more with ContainerRestartRules. */
import { DEFAULT_TARGET, featureStage, firstDefaultOnMinor, isFeatureEnabled } from '../k8s/target';
import { quoteOf } from '../model/node-view';
import { containerFieldPath } from '../model/pod-spec';
import type { Rule } from './types';
import { quote } from './support/quote';

const WITH_RESTART_RULES = ['Always', 'Never', 'OnFailure'];

export const initContainerRestartPolicy: Rule = {
  id: 'init-container-restart-policy',
  defaultSeverity: 'error',
  title: 'Unsupported restartPolicy on an init container',
  source:
    'validation.go validateInitContainers: `Unsupported value: "OnFailure": supported values: "Always"` in releases without the ContainerRestartRules gate (alpha in 1.34, beta and on by default in 1.35, pkg/features/kube_features.go), which also accepts OnFailure and Never; where the gate exists but is off, pkg/api/pod/util.go dropContainerRestartRules drops any value but Always.',
  description:
    'On an init container `restartPolicy: Always` makes it a sidecar that starts in order and keeps running. Releases before 1.34 reject any other value; from 1.35 (1.34 with the gate on) OnFailure and Never are allowed too. Where the gate exists but is off, the API server drops the other values silently (field-dropped-by-feature-gate).',
  howToFix: 'Remove the field for a regular init container, write `Always` for a sidecar, or target a release where ContainerRestartRules is on.',
  check({ document, options, report }) {
    const target = options.target ?? DEFAULT_TARGET;
    const gateExists = featureStage('ContainerRestartRules', target.minor) !== undefined;
    if (gateExists && !isFeatureEnabled(target, 'ContainerRestartRules')) return;
    const supported = gateExists ? WITH_RESTART_RULES : ['Always'];
    for (const c of document.workload?.podSpec.initContainers ?? []) {
      const field = c.fields.restartPolicy;
      if (!field || (field.value !== undefined && supported.includes(field.value))) continue;
      const mark = quoteOf(field.node);
      const why = gateExists
        ? 'The API server rejects the object.'
        : `Only Always (a sidecar) is allowed on an init container in Kubernetes ${target.minor}: container restart rules (the ContainerRestartRules feature gate) come in 1.34 and are on by default from ${firstDefaultOnMinor('ContainerRestartRules')}.`;
      report({
        message: `Unsupported value: ${quote(field.written ?? '')}: supported values: ${supported.map((v) => JSON.stringify(v)).join(', ')}. ${why}`,
        span: field.node ? field.span : field.keySpan,
        path: containerFieldPath(c, 'restartPolicy'),
        fixes: field.node ? [{ title: 'Change to Always (make it a sidecar)', kind: 'quickfix', edits: [{ span: field.span, newText: `${mark}Always${mark}` }] }] : undefined,
      });
    }
  },
};
