/** Code actions that are not tied to a finding: "Pin to digest" on any unpinned image, "Pin all images" on the file. */
import type { ManifestModel } from '../model/manifest';
import type { Span } from '../model/span';
import { parseImageReference } from '../k8s/image-reference';
import type { Fix } from '../rules/types';
import { imageFields } from './image-fields';

export function refactorsAt(model: ManifestModel, span: Span): Fix[] {
  const fixes: Fix[] = [];
  for (const f of imageFields(model)) {
    if (f.span.end < span.start || f.span.start > span.end) continue;
    const parsed = parseImageReference(f.image);
    if (!parsed.ok || parsed.ref.digest) continue;
    fixes.push({ title: 'Pin to digest', kind: 'refactor', deferred: { type: 'pin-digest', image: f.image, span: f.span, quote: f.quote } });
  }
  return fixes;
}

/** True when the file has at least one image "pin all" could pin. */
export function hasUnpinnedImages(model: ManifestModel): boolean {
  return imageFields(model).some((f) => {
    const parsed = parseImageReference(f.image);
    return parsed.ok && !parsed.ref.digest;
  });
}
