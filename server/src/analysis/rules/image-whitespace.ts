/** image-whitespace: leading or trailing whitespace in a Pod's image, which the API server rejects. */
import { hasOuterWhitespace } from '../k8s/image-reference';
import { plainQuote } from '../model/node-view';
import { containerImages } from './support/container-images';
import type { Rule } from './types';
import { quote } from './support/quote';

export const imageWhitespace: Rule = {
  id: 'image-whitespace',
  defaultSeverity: 'error',
  title: 'Whitespace around the image',
  source:
    'validation.go validateContainerOnlyForPod: `spec.containers[0].image: Invalid value: " image": must not have leading or trailing whitespace` (Pods only; in templates the kubelet later fails with InvalidImageName).',
  description:
    'A quoted image with spaces or tabs before or after it. For a Pod the API server rejects the object; in a workload template it is accepted and every Pod then fails with `InvalidImageName` (reported by `image-reference-invalid`).',
  howToFix: 'Remove the whitespace inside the quotes.',
  check({ document, report }) {
    for (const image of containerImages(document)) {
      if (image.spec.isPodTemplate || !hasOuterWhitespace(image.raw)) continue;
      const mark = plainQuote(document.text, image.field);
      const canEdit = mark !== undefined;
      report({
        message: `Invalid value: ${quote(image.raw)}: must not have leading or trailing whitespace. The API server rejects the Pod.`,
        span: image.field.span,
        path: image.field.path,
        fixes: canEdit
          ? [{ title: 'Remove the whitespace', kind: 'quickfix', isPreferred: true, edits: [{ span: image.field.span, newText: `${mark}${image.raw.trim()}${mark}` }] }]
          : undefined,
      });
    }
  },
};
