/** Pin to digest at the LSP edge: turns an image into a DigestRequest, asks the registry, builds the new scalar text. */
import { ResponseError, ErrorCodes } from 'vscode-languageserver';
import { digestRequestFor } from '../analysis/fixes/pin-plan';
import { pinImage } from '../analysis/fixes/pin-image';
import type { DigestResolver } from '../analysis/ports';
import type { Runtime } from '../runtime';
import type { DeferredActionData } from './code-actions';
import type { ClientFacts, Settings } from './settings';

export interface PinResolver {
  /** The digest the image's tag points to now. */
  digestOf(image: string, signal: AbortSignal): Promise<string>;
  /** The new scalar text (quotes kept) for a deferred pin fix. */
  resolveFix(fix: DeferredActionData['fix'], signal: AbortSignal): Promise<string>;
  keepTag(): boolean;
}

export function createPinResolver(runtime: Runtime, settings: () => Settings, facts: () => ClientFacts): PinResolver {
  let resolver: DigestResolver | undefined;
  let resolverKey = '';
  function current(): DigestResolver {
    if (!runtime.createResolver) throw new ResponseError(ErrorCodes.InternalError, 'Pod Lens has no registry client here.');
    const key = JSON.stringify([settings().registry, facts()]);
    if (!resolver || key !== resolverKey) {
      resolver = runtime.createResolver(settings(), facts());
      resolverKey = key;
    }
    return resolver;
  }

  async function digestOf(image: string, signal: AbortSignal): Promise<string> {
    const request = digestRequestFor(image, settings().pin.platform || undefined);
    if ('error' in request) throw new ResponseError(ErrorCodes.InvalidParams, `Cannot pin ${request.error}`);
    try {
      const result = await current().resolve(request, signal);
      return result.digest;
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new ResponseError(ErrorCodes.InternalError, `Cannot pin ${image}: ${message}`);
    }
  }

  return {
    digestOf,
    keepTag: () => settings().pin.keepTag,
    async resolveFix(fix, signal) {
      const digest = await digestOf(fix.image, signal);
      return `${fix.quote}${pinImage(fix.image, digest, settings().pin.keepTag)}${fix.quote}`;
    },
  };
}
