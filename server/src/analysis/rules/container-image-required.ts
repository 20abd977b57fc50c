/** container-image-required: every container needs an image. */
import { containerFieldPath } from '../model/pod-spec';
import type { Rule } from './types';
import { quote } from './support/quote';

export const containerImageRequired: Rule = {
  id: 'container-image-required',
  defaultSeverity: 'error',
  judgesAbsence: true,
  title: 'Container has no image',
  source:
    'validation.go validateContainers: `spec.containers[0].image: Required value` (Pods and templates alike; the type comment says optional, validation does not).',
  description:
    'A container (app, init, sidecar or ephemeral) without an `image`, or with an empty one. The API server rejects the Pod or workload with `spec.containers[0].image: Required value`, although the API reference calls the field optional.',
  howToFix: 'Add the image the container should run, e.g. `image: nginx:1.27`.',
  check({ document, report }) {
    const spec = document.workload?.podSpec;
    if (!spec) return;
    for (const c of spec.all) {
      const image = c.fields.image;
      // Only what is missing, null or empty; an image of the wrong type is field-type-invalid's.
      if (image && image.written !== null && image.written !== '') continue;
      // An empty image is underlined itself; a missing one at the container's name, where the user looks for it.
      const where = image ? (image.node ? image.span : image.keySpan) : (c.fields.name?.entrySpan ?? c.span);
      const who = c.name ? `container ${quote(c.name)}` : 'this container';
      report({
        message: `Required value: ${who} has no image; the API server rejects the object.`,
        span: where,
        path: containerFieldPath(c, 'image'),
      });
    }
  },
};
