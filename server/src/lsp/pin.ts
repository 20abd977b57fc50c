/** Pin to digest at the LSP edge: turns an image into a DigestRequest, asks the registry, builds the new scalar text. */
import { ResponseError, ErrorCodes } from 'vscode-languageserver';
import { excerpt, isDigest } from '../analysis/fixes/digest';
import { digestRequestFor } from '../analysis/fixes/pin-plan';
import { pinnedScalar } from '../analysis/fixes/pin-image';
import { digestFieldText } from '../analysis/kustomize/pin-entry';
import type { DigestResolver } from '../analysis/ports';
import type { Runtime } from '../runtime';
import type { DeferredActionData } from './code-actions';
import { pinFailureError } from './pin-failure';
import type { Settings } from '../settings/settings';
import type { ClientFacts } from '../../../protocol/initialization';

export interface PinResolver {
  /** The digest the image's tag points to now (always a well-formed digest: anything else is an error). */
  digestOf(image: string, signal: AbortSignal): Promise<string>;
  /** The new scalar text (quotes kept) for a deferred pin fix. */
  resolveFix(fix: DeferredActionData['fix'], signal: AbortSignal): Promise<string>;
  keepTag(): boolean;
  /** Changes whenever the registry settings or the client's facts (trust, proxy) change: answers from before may differ. */
  configKey(): string;
  /** How long an answer is reused (podLens.registry.cacheTtlSeconds). */
  cacheTtlMs(): number;
}

export function createPinResolver(runtime: Runtime, settings: () => Settings, facts: () => ClientFacts): PinResolver {
  let resolver: DigestResolver | undefined;
  let resolverKey = '';
  const configKey = () => JSON.stringify([settings().registry, facts()]);
  function current(): DigestResolver {
    if (!runtime.createResolver) throw new ResponseError(ErrorCodes.InternalError, 'Pod Lens has no registry client here.');
    const key = configKey();
    if (!resolver || key !== resolverKey) {
      resolver = runtime.createResolver(settings(), facts());
      resolverKey = key;
    }
    return resolver;
  }

  async function digestOf(image: string, signal: AbortSignal): Promise<string> {
    const request = digestRequestFor(image, settings().pin.platform || undefined);
    if ('error' in request) throw new ResponseError(ErrorCodes.InvalidParams, `Cannot pin ${request.error}`);
    let digest: string;
    try {
      digest = (await current().resolve(request, signal)).digest;
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      throw pinFailureError(image, error);
    }
    // Whatever the resolver, only a digest reaches an edit.
    if (!isDigest(digest)) throw new ResponseError(ErrorCodes.InternalError, `Cannot pin ${image}: the registry answered ${excerpt(String(digest))}, which is not a digest`);
    return digest;
  }

  return {
    digestOf,
    keepTag: () => settings().pin.keepTag,
    configKey,
    cacheTtlMs: () => settings().registry.cacheTtlSeconds * 1000,
    async resolveFix(fix, signal) {
      const digest = await digestOf(fix.image, signal);
      if (fix.into) return digestFieldText(fix.into, fix.quote, digest);
      return pinnedScalar(fix.quote, fix.image, digest, settings().pin.keepTag);
    },
  };
}
