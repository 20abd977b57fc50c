/**
 * The digest grammar of a pin: `algorithm:hex` for the algorithms Kubernetes accepts (sha256, sha384, sha512), in
 * lowercase hex of the algorithm's exact length. Anything written into a manifest as a digest must pass this check: a
 * digest comes from the network, and a value such as `sha512:…, securityContext: {privileged: true}` written into a
 * flow-style manifest would be YAML, not an image.
 */

/** Hex characters of each algorithm's digest. */
export const DIGEST_HEX_LENGTH = { sha256: 64, sha384: 96, sha512: 128 } as const;

export type DigestAlgorithm = keyof typeof DIGEST_HEX_LENGTH;

const DIGEST = /^(?:sha256:[a-f0-9]{64}|sha384:[a-f0-9]{96}|sha512:[a-f0-9]{128})$/;

/** Whether a value is a digest Pod Lens may write or request: exactly `sha256:` + 64, `sha384:` + 96 or `sha512:` + 128 lowercase hex. */
export function isDigest(value: unknown): value is string {
  return typeof value === 'string' && DIGEST.test(value);
}

/** The algorithm of a value that passed isDigest. */
export function digestAlgorithm(digest: string): DigestAlgorithm {
  return digest.slice(0, digest.indexOf(':')) as DigestAlgorithm;
}

/** A short, printable rendering of a value received from the network, for messages (never the whole value). */
export function excerpt(value: string, max = 80): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  // JSON-style quoting, with every character outside printable ASCII escaped (no terminal escapes, no bidi tricks).
  return `"${cut.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e…]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}
