/** init-container-restart-policy: an init container's restartPolicy may only be Always (which makes it a sidecar). */
import { quoteOf } from '../model/node-view';
import { containerFieldPath } from '../model/pod-spec';
import type { Rule } from './types';
import { quote } from './support/quote';

export const initContainerRestartPolicy: Rule = {
  id: 'init-container-restart-policy',
  defaultSeverity: 'error',
  title: 'Unsupported restartPolicy on an init container',
  source:
    'validation.go validateInitContainers: `Unsupported value: "OnFailure": supported values: "Always"` (without the ContainerRestartRules gate, alpha in v1.34, which would also accept OnFailure and Never).',
  description:
    'On an init container `restartPolicy` has one meaning: `Always` makes it a sidecar that starts in order and keeps running. Any other value is rejected by the API server unless the alpha ContainerRestartRules feature (v1.34+) is on.',
  howToFix: 'Remove the field for a regular init container, or write `Always` for a sidecar.',
  check({ document, report }) {
    for (const c of document.workload?.podSpec.initContainers ?? []) {
      const field = c.view.get('restartPolicy');
      if (!field || field.value === 'Always') continue;
      const mark = quoteOf(field.node);
      report({
        message: `${containerFieldPath(c, 'restartPolicy')}: Unsupported value: ${quote(field.value ?? '')}: supported values: "Always". Only Always (a sidecar) is allowed on an init container unless the alpha ContainerRestartRules gate (v1.34+) is on.`,
        span: field.node ? field.span : field.keySpan,
        path: containerFieldPath(c, 'restartPolicy'),
        fixes: field.node ? [{ title: 'Change to Always (make it a sidecar)', kind: 'quickfix', edits: [{ span: field.span, newText: `${mark}Always${mark}` }] }] : undefined,
      });
    }
  },
};
