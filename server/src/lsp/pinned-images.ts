/** The `name:tag` of every image of a model that is pinned with both a tag and a digest. */
import { parseImageReference, tagKey } from '../analysis/k8s/image-reference';
import { imageFields } from '../analysis/fixes/image-fields';
import type { ManifestModel } from '../analysis/model/manifest';

export function containerImagesOfModel(model: ManifestModel): string[] {
  const keys = new Set<string>();
  for (const f of imageFields(model)) {
    const parsed = parseImageReference(f.image);
    if (!parsed.ok || !parsed.ref.digest) continue;
    const key = tagKey(f.image, parsed.ref.nameSpan.end, parsed.ref.tagSpan);
    if (key) keys.add(key);
  }
  return [...keys];
}
