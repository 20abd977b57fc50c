/**
 * A failed pin in the user's words: what went wrong and what to try next, for the editor's notification. The code
 * actions and "pin all" carry it to the client; `data.podLens` marks it so the client shows it instead of the
 * generic "Request codeAction/resolve failed".
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { RegistryError, type RegistryErrorCode } from '../registry/errors';
import type { PinFailure } from '../../../protocol/commands';

export interface PinFailureData extends PinFailure {
  /** The registry client's error code, when the failure came from it (for the log and tests; the client ignores it). */
  code?: RegistryErrorCode;
}

const NETWORK = 'Check the network connection and proxy (http.proxy or HTTPS_PROXY), or set podLens.registry.mirrors to a registry mirror you can reach.';

/** The next step for each kind of registry failure. */
const HINTS: Partial<Record<RegistryErrorCode, string>> = {
  network: NETWORK,
  timeout: `${NETWORK} A slow registry may need a larger podLens.registry.timeoutSeconds.`,
  tls: 'If the registry uses a private CA, add it with podLens.registry.caFile; a plain-HTTP registry goes in podLens.registry.insecure.',
  'no-credentials': 'Check the image name (a registry may answer a missing repository this way), or log in with `docker login <registry>` (or podman login): Pod Lens reads the same credentials.',
  unauthorized: 'Log in again with `docker login <registry>`: the stored credentials were refused.',
  'credential-helper': 'Check the credential helper that your docker config names (credsStore / credHelpers).',
  'rate-limited': 'Wait and try again, or log in with `docker login` to get a higher pull limit.',
  'not-found': 'Check the image name and tag (and podLens.pin.platform, if set).',
  'insecure-refused': 'Add the host to podLens.registry.insecure if it is meant to be reached without TLS.',
  'untrusted-workspace': 'Trust the workspace to let Pod Lens ask registries.',
  configuration: 'Check the podLens.registry settings.',
};

const DEFAULT_HINT = 'See the "Pod Lens" output for details.';

export function pinFailureData(image: string, error: unknown): PinFailureData {
  const reason = error instanceof Error ? error.message : String(error);
  const code = error instanceof RegistryError ? error.code : undefined;
  return { podLens: 'pin-failed', image, ...(code ? { code } : {}), reason, hint: (code && HINTS[code]) || DEFAULT_HINT };
}

/** The message says the problem first, then the next step: clients without Pod Lens' own client show only this. */
function pinFailureMessage(data: PinFailureData): string {
  return `Cannot pin ${data.image}: ${data.reason}. ${data.hint}`;
}

export function pinFailureError(image: string, error: unknown): ResponseError<PinFailureData> {
  const data = pinFailureData(image, error);
  return new ResponseError(ErrorCodes.InternalError, pinFailureMessage(data), data);
}
