/** The deferred "Pin to digest" fix of an image: resolved by the server at codeAction/resolve time. */
import { quoteOf } from '../../fixes/image-fields';
import type { ManifestDocument } from '../../model/manifest';
import type { Fix } from '../types';
import type { ContainerImage } from './container-images';

export const PIN_TITLE = 'Pin to digest';

export function pinFix(document: ManifestDocument, image: ContainerImage, kind: Fix['kind']): Fix | undefined {
  const quote = quoteOf(image.field.node);
  // Only scalars written plainly can be replaced as a whole without touching escapes.
  if (document.text.slice(image.field.span.start, image.field.span.end) !== `${quote}${image.raw}${quote}`) return undefined;
  return { title: PIN_TITLE, kind, isPreferred: kind === 'quickfix', deferred: { type: 'pin-digest', image: image.raw, span: image.field.span, quote } };
}
