/**
 * Every image of a model with the span and quoting of its scalar, the targets of "pin" edits: container images and
 * image volumes' references (`volumes[].image.reference`, pulled by the kubelet like a container image).
 */
import { isScalar, Scalar as YamlScalar } from 'yaml';
import { plainQuote } from '../model/node-view';
import { workloadsOf, type ManifestDocument, type ManifestModel } from '../model/manifest';
import type { Scalar } from '../model/api/types';
import type { Span } from '../model/span';

export interface ImageField {
  /** The image as written. */
  image: string;
  /** File span of the whole scalar, quotes included. */
  span: Span;
  quote: '' | '"' | "'";
  path: string;
  /** Which container: its name when it has one (undefined for an image volume). */
  container: string | undefined;
  /** The image volume's name, for a volume's reference. */
  volume?: string;
}

/** The scalar's edit target, or undefined when it cannot be replaced as written (block scalars, escapes). */
function editable(document: ManifestDocument, field: Scalar<string> | undefined): Omit<ImageField, 'container' | 'volume'> | undefined {
  if (field?.value === undefined || !isScalar(field.node)) return undefined;
  const type = field.node.type;
  if (type === YamlScalar.BLOCK_FOLDED || type === YamlScalar.BLOCK_LITERAL) return undefined;
  const quote = plainQuote(document.text, field);
  if (quote === undefined) return undefined;
  return { image: field.value, span: { start: field.span.start + document.offset, end: field.span.end + document.offset }, quote, path: field.path };
}

export function imageFields(model: ManifestModel): ImageField[] {
  const out: ImageField[] = [];
  for (const { document, workload } of workloadsOf(model)) {
    for (const c of workload.podSpec.all) {
      const target = editable(document, c.fields.image);
      if (target) out.push({ ...target, container: c.name });
    }
    for (const volume of workload.podSpec.fields.volumes) {
      const target = editable(document, volume.image?.reference);
      if (target) out.push({ ...target, container: undefined, volume: volume.name?.value });
    }
  }
  return out;
}
