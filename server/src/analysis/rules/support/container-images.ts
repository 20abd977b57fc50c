/** The image of every container of a document, parsed once, with the offset where its text starts. */
import { isScalar } from 'yaml';
import { parseImageReference, type ImageReferenceResult } from '../../k8s/image-reference';
import type { ManifestDocument } from '../../model/manifest';
import type { Scalar } from '../../model/api/types';
import { scalarContentStart } from '../../model/node-view';
import type { ContainerView, PodSpecView } from '../../model/pod-spec';
import type { Span } from '../../model/span';

export interface ContainerImage {
  container: ContainerView;
  spec: PodSpecView;
  field: Scalar<string>;
  /** The image string as Kubernetes receives it. */
  raw: string;
  /** Local offset of the first character of `raw` (past an opening quote). */
  contentStart: number;
  parsed: ImageReferenceResult;
}

/** Keyed by the pod spec's node: a document with several pod specs is checked once per pod spec. */
const cache = new WeakMap<PodSpecView['view']['node'], ContainerImage[]>();

export function containerImages(document: ManifestDocument): ContainerImage[] {
  const spec = document.workload?.podSpec;
  if (!spec) return [];
  const cached = cache.get(spec.view.node);
  if (cached) return cached;
  const out: ContainerImage[] = [];
  // One parse per distinct image: aliases can repeat a long image string in every container.
  const parses = new Map<string, ImageReferenceResult>();
  const substitutes = document.workload?.kind.custom?.substitutes;
  for (const container of spec.all) {
    const field = container.fields.image;
    // A missing, empty or mistyped image is container-image-required's and field-type-invalid's.
    if (field?.value === undefined || field.value === '' || !isScalar(field.node)) continue;
    // A workflow engine fills `{{inputs.parameters.image}}` or `$(params.image)` in before any Pod exists.
    if (substitutes?.test(field.value)) continue;
    let parsed = parses.get(field.value);
    if (!parsed) parses.set(field.value, (parsed = parseImageReference(field.value)));
    out.push({
      container,
      spec,
      field,
      raw: field.value,
      contentStart: scalarContentStart(field.node),
      parsed,
    });
  }
  cache.set(spec.view.node, out);
  return out;
}

/** A span inside the image text (relative to the raw string) as a local document span. */
export function imagePartSpan(image: ContainerImage, part: Span | null | undefined): Span {
  if (!part) return image.field.span;
  const start = image.contentStart + part.start;
  const end = image.contentStart + Math.max(part.end, part.start + 1);
  // Escapes in a double-quoted scalar shift offsets; fall back to the whole scalar when the part does not fit.
  return end <= image.field.span.end ? { start, end } : image.field.span;
}
