/**
 * image-volume-invalid: an image volume (`volumes[].image`, KEP-4639) whose reference the API server requires or the
 * kubelet cannot parse. Its pullPolicy values are the schema's (field-value-unsupported).
 */
import { isScalar } from 'yaml';
import { parseImageReference } from '../k8s/image-reference';
import { isFeatureEnabled } from '../k8s/target';
import { fieldPath, scalarContentStart } from '../model/node-view';
import type { Rule } from './types';
import { unparsableImageMessage } from './support/quote';

export const imageVolumeInvalid: Rule = {
  id: 'image-volume-invalid',
  defaultSeverity: 'error',
  // Partly judges what the object lacks (a field set elsewhere, in the base a Kustomize patch applies to).
  judgesAbsence: true,
  title: 'Image volume without a usable reference',
  source:
    'pkg/apis/core/validation/validation.go validateImageVolumeSource (`reference: Required value` unless AllowEmptyImageVolumeReference, which pod templates get); the kubelet pulls the reference as it pulls container images (pkg/util/parsers ParseImageName, reason InvalidImageName); gated by ImageVolume.',
  description:
    'An image volume mounts the content of an OCI image or artifact. In a Pod the API server rejects one without `reference` (pod templates may leave it for a controller to fill); a reference that is not a valid image reference is accepted but the kubelet cannot parse it, so the Pod\'s containers never start. The ImageVolume feature is beta and on by default from Kubernetes 1.35 (beta but off in 1.33 and 1.34); when it is off in the target this rule is silent.',
  howToFix: 'Write the reference as a container image: `[registry[:port]/]repository[:tag][@digest]`, with a lower-case repository.',
  check({ document, options, report }) {
    const spec = document.workload?.podSpec;
    if (!spec || !isFeatureEnabled(options.target, 'ImageVolume')) return;
    for (const volume of spec.fields.volumes) {
      const image = volume.image;
      if (!image) continue;
      const reference = image.reference;
      // Absent, null, empty or a mapping reads as no reference (`Required value`); a number is another problem.
      const written = reference?.written;
      if (!reference || written === undefined || written === null || written === '') {
        if (spec.isPodTemplate) continue;
        report({
          message: 'An image volume without a reference in a Pod; the API server rejects the object (`Required value`).',
          span: reference?.keySpan ?? volume.$entry('image')!.keySpan,
          path: fieldPath(image.$path, 'reference'),
        });
        continue;
      }
      const raw = reference.value;
      if (raw === undefined || !isScalar(reference.node)) continue;
      const parsed = parseImageReference(raw);
      if (parsed.ok) continue;
      const start = scalarContentStart(reference.node);
      const part = parsed.error.span;
      const span = part && start + Math.max(part.end, part.start + 1) <= reference.span.end ? { start: start + part.start, end: start + Math.max(part.end, part.start + 1) } : reference.span;
      report({
        message: `The kubelet cannot parse this image volume reference, so the Pod's containers never start (${unparsableImageMessage(raw, parsed.error.message)}); the API server accepts it.`,
        span,
        path: reference.path,
      });
    }
  },
};
