/** Which images of a file "pin all" resolves: distinct, parsable, not yet pinned. */
import { parseImageReference } from '../k8s/image-reference';
import type { DigestRequest } from '../ports';
import type { ImageField } from './image-fields';
import { pinnedScalar } from './pin-image';

export interface PinPlan {
  /** Distinct images to resolve. */
  images: string[];
  /** Fields to rewrite, by image. */
  fields: Map<string, ImageField[]>;
}

export function planPins(fields: ImageField[]): PinPlan {
  const byImage = new Map<string, ImageField[]>();
  for (const f of fields) {
    const parsed = parseImageReference(f.image);
    // Already pinned (a digest is present) or not an image reference: nothing to ask the registry.
    if (!parsed.ok || parsed.ref.digest) continue;
    const list = byImage.get(f.image) ?? [];
    list.push(f);
    byImage.set(f.image, list);
  }
  return { images: [...byImage.keys()], fields: byImage };
}

/** What to ask the registry for an image: its tag, or "latest" as the kubelet would pull; an error text when unparsable. */
export function digestRequestFor(image: string, platform?: string): DigestRequest | { error: string } {
  const parsed = parseImageReference(image);
  if (!parsed.ok) return { error: `"${image}" is not an image reference: ${parsed.error.message}` };
  const { registry, repository, tag } = parsed.ref;
  return { registry, repository, reference: tag ?? 'latest', ...(platform ? { platform } : {}) };
}

/**
 * The edits of a plan once its digests are known (images whose lookup failed are left as written). Every digest goes
 * through the edit builder (pinImage), which throws on anything that is not a digest: callers check digests first.
 */
export function pinEdits(plan: PinPlan, digests: Map<string, string>, keepTag: boolean): Array<{ field: ImageField; newText: string }> {
  return plan.images.flatMap((image) => {
    const digest = digests.get(image);
    return digest !== undefined ? (plan.fields.get(image) ?? []).map((field) => ({ field, newText: pinnedScalar(field.quote, field.image, digest, keepTag) })) : [];
  });
}
