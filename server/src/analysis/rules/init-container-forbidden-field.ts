/** init-container-forbidden-field: lifecycle and probes only on sidecars (init containers with restartPolicy: Always). */
import { isFeatureEnabled } from '../k8s/target';
import { containerFieldPath } from '../model/pod-spec';
import { indentOf, removeFieldEdit } from './support/remove-field';
import type { Fix, Rule } from './types';

const FORBIDDEN = ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const;

export const initContainerForbiddenField: Rule = {
  id: 'init-container-forbidden-field',
  defaultSeverity: 'error',
  title: 'Lifecycle or probe on a regular init container',
  source: 'validation.go validateInitContainers: `Forbidden: may not be set for init containers without restartPolicy=Always`.',
  description:
    'A regular init container runs to completion before the next one starts, so `lifecycle`, `livenessProbe`, `readinessProbe` and `startupProbe` mean nothing there and the API server rejects them. A sidecar (an init container with `restartPolicy: Always`) keeps running and may have them.',
  howToFix: 'Remove the field, or, if the container is meant to keep running beside the app, make it a sidecar with `restartPolicy: Always`.',
  check({ document, options, report }) {
    // Without the SidecarContainers gate the API server drops restartPolicy first (util.go dropDisabledFields): a sidecar is then a regular init container.
    const sidecarsOn = isFeatureEnabled(options.target, 'SidecarContainers');
    for (const c of document.workload?.podSpec.initContainers ?? []) {
      if (c.type !== 'init' && !(c.type === 'sidecar' && !sidecarsOn)) continue;
      for (const key of FORBIDDEN) {
        const field = c.fields.$entry(key);
        if (!field) continue;
        const fixes: Fix[] = [];
        const remove = removeFieldEdit(document.text, field);
        if (remove) fixes.push({ title: `Remove ${key}`, kind: 'quickfix', edits: [remove] });
        const name = c.fields.name;
        // Only when the container has no restartPolicy at all: an existing one is its own finding.
        if (key !== 'lifecycle' && name && c.fields.restartPolicy === undefined) {
          const lineStart = document.text.lastIndexOf('\n', name.keySpan.start - 1) + 1;
          const nextLine = document.text.indexOf('\n', name.entrySpan.end);
          const prefix = indentOf(document.text, name.keySpan.start).replace(/-/g, ' ');
          if (nextLine >= 0 && document.text.slice(lineStart, name.keySpan.start).trim().replace(/^-$/, '') === '') {
            fixes.push({ title: `Make ${c.name ?? 'it'} a sidecar (restartPolicy: Always)`, kind: 'quickfix', edits: [{ span: { start: nextLine + 1, end: nextLine + 1 }, newText: `${prefix}restartPolicy: Always\n` }] });
          }
        }
        report({
          message: `Forbidden: may not be set for init containers without restartPolicy=Always; the API server rejects the object.`,
          span: field.keySpan,
          path: containerFieldPath(c, key),
          fixes,
        });
      }
    }
  },
};
