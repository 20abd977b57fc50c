/** Verifies bytes received against a digest (sha256, sha384, sha512): the only way a digest from the network is believed. */
import { createHash } from 'node:crypto';
import { digestAlgorithm, isDigest, type DigestAlgorithm } from '../analysis/fixes/digest';

export function digestOf(bytes: Uint8Array, algorithm: DigestAlgorithm = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}

/** Whether `digest` is a digest (the grammar) and the digest of exactly these bytes. */
export function matches(bytes: Uint8Array, digest: string): boolean {
  return isDigest(digest) && digestOf(bytes, digestAlgorithm(digest)) === digest;
}
