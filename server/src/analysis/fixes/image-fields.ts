/** Every container image of a model with the span and quoting of its scalar: the targets of "pin" edits. */
import { isScalar, Scalar } from 'yaml';
import { plainQuote } from '../model/node-view';
import { workloadsOf, type ManifestModel } from '../model/manifest';
import type { Span } from '../model/span';

export interface ImageField {
  /** The image as written. */
  image: string;
  /** File span of the whole scalar, quotes included. */
  span: Span;
  quote: '' | '"' | "'";
  path: string;
  /** Which container: its name when it has one. */
  container: string | undefined;
}

export function imageFields(model: ManifestModel): ImageField[] {
  const out: ImageField[] = [];
  for (const { document, workload } of workloadsOf(model)) {
    for (const c of workload.podSpec.all) {
      const field = c.view.get('image');
      if (!field || typeof field.value !== 'string' || !isScalar(field.node)) continue;
      // Block scalars and escapes cannot be edited as a simple replacement: leave them alone.
      const type = field.node.type;
      if (type === Scalar.BLOCK_FOLDED || type === Scalar.BLOCK_LITERAL) continue;
      const quote = plainQuote(document.text, field);
      if (quote === undefined) continue;
      out.push({
        image: field.value,
        span: { start: field.span.start + document.offset, end: field.span.end + document.offset },
        quote,
        path: field.path,
        container: c.name,
      });
    }
  }
  return out;
}
