/** Handler guards: no exception reaches the client, and editor cancellation becomes an AbortSignal. */
import { ResponseError, LSPErrorCodes, type CancellationToken } from 'vscode-languageserver';
import type { Runtime } from '../runtime';

/** Runs a handler so that no exception reaches the client: it is logged and the request answers `fallback`. */
export function guarded<P, R>(runtime: Runtime, name: string, fallback: R, fn: (params: P, token: CancellationToken) => R | Promise<R>) {
  return async (params: P, token: CancellationToken): Promise<R> => {
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    try {
      if (runtime.faults?.has(name)) throw new Error(`injected fault in ${name}`);
      return await fn(params, token);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      runtime.logger.error(`${name} failed`, error);
      return fallback;
    }
  };
}

export function abortSignalOf(token: CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  else token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}
