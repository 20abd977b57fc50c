/** The text of an image pinned to a digest, keeping the user's spelling of the name (no normalization). */
import { parseImageReference } from '../k8s/image-reference';

export function pinImage(raw: string, digest: string, keepTag: boolean): string {
  const parsed = parseImageReference(raw);
  if (!parsed.ok) throw new Error(`cannot pin "${raw}": ${parsed.error.message}`);
  const { nameSpan, tagSpan } = parsed.ref;
  const name = raw.slice(nameSpan.start, nameSpan.end);
  const tag = tagSpan ? raw.slice(tagSpan.start, tagSpan.end) : null;
  return keepTag && tag !== null ? `${name}:${tag}@${digest}` : `${name}@${digest}`;
}
