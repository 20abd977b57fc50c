/** Registry failures with a code for callers and a message in the user's words (never containing a secret). */

export type RegistryErrorCode =
  | 'not-found'
  | 'unauthorized'
  | 'no-credentials'
  | 'rate-limited'
  | 'timeout'
  | 'tls'
  | 'network'
  | 'digest-mismatch'
  | 'insecure-refused'
  | 'untrusted-workspace'
  | 'bad-response'
  | 'too-large'
  | 'server-error'
  | 'configuration'
  | 'cancelled'
  | 'credential-helper';

export class RegistryError extends Error {
  constructor(
    readonly code: RegistryErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}
