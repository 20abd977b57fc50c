/**
 * The edit builder of every pin: the text of an image pinned to a digest, keeping the user's spelling of the name (no
 * normalization). It refuses anything that is not a digest (analysis/fixes/digest.ts) and checks that what it builds
 * reads back as the same name with that digest, so nothing but an image reference can reach a manifest.
 */
import { parseImageReference } from '../k8s/image-reference';
import { excerpt, isDigest } from './digest';

export class InvalidDigestError extends Error {
  constructor(readonly digest: string) {
    super(`${excerpt(digest)} is not a digest (sha256, sha384 or sha512 in lowercase hex of the exact length); nothing was written`);
    this.name = 'InvalidDigestError';
  }
}

export function pinImage(raw: string, digest: string, keepTag: boolean): string {
  if (!isDigest(digest)) throw new InvalidDigestError(String(digest));
  const parsed = parseImageReference(raw);
  if (!parsed.ok) throw new Error(`cannot pin "${raw}": ${parsed.error.message}`);
  const { nameSpan, tagSpan } = parsed.ref;
  const name = raw.slice(nameSpan.start, nameSpan.end);
  const tag = tagSpan ? raw.slice(tagSpan.start, tagSpan.end) : null;
  const pinned = keepTag && tag !== null ? `${name}:${tag}@${digest}` : `${name}@${digest}`;
  const back = parseImageReference(pinned);
  if (!back.ok || back.ref.digest !== digest || pinned.slice(back.ref.nameSpan.start, back.ref.nameSpan.end) !== name) {
    throw new Error(`cannot pin "${raw}": the pinned text would not read back as the same image`);
  }
  return pinned;
}

/** The new scalar text of an image field: the pinned image inside the field's own quotes. */
export function pinnedScalar(quote: '' | '"' | "'", raw: string, digest: string, keepTag: boolean): string {
  return `${quote}${pinImage(raw, digest, keepTag)}${quote}`;
}
