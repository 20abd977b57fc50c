/** The deferred "Pin to digest" fix of an image: resolved by the server at codeAction/resolve time. */
import { plainQuote } from '../../model/node-view';
import type { ManifestDocument } from '../../model/manifest';
import type { Fix } from '../types';
import type { ContainerImage } from './container-images';

const PIN_TITLE = 'Pin to digest';

export function pinFix(document: ManifestDocument, image: ContainerImage, kind: Fix['kind']): Fix | undefined {
  // Only scalars written plainly can be replaced as a whole without touching escapes.
  const quote = plainQuote(document.text, image.field);
  if (quote === undefined) return undefined;
  return { title: PIN_TITLE, kind, isPreferred: kind === 'quickfix', deferred: { type: 'pin-digest', image: image.raw, span: image.field.span, quote } };
}
