/** container-image-required: every container needs an image. */
import { containerFieldPath } from '../model/pod-spec';
import type { Rule } from './types';

export const containerImageRequired: Rule = {
  id: 'container-image-required',
  defaultSeverity: 'error',
  title: 'Container has no image',
  source:
    'validation.go validateContainers: `spec.containers[0].image: Required value` (Pods and templates alike; the type comment says optional, validation does not).',
  check({ document, report }) {
    const spec = document.workload?.podSpec;
    if (!spec) return;
    for (const c of spec.all) {
      const image = c.view.get('image');
      const value = image?.value;
      if (image && (typeof value !== 'string' || value.length > 0) && value !== null) continue;
      const where = image ? image.keySpan : (c.view.get('name')?.span ?? c.span);
      const who = c.name ? `container "${c.name}"` : 'this container';
      report({
        message: `${containerFieldPath(c, 'image')}: Required value: ${who} has no image; the API server rejects the object.`,
        span: where,
        path: containerFieldPath(c, 'image'),
      });
    }
  },
};
