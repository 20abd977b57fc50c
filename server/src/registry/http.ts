/**
 * HTTP for the registry client: timeouts, cancellation, proxies, a private CA, unverified TLS only for hosts the user
 * marked insecure, bodies read with a size cap, and redirects followed by hand under one rule, checked at every hop:
 *
 * - only http and https; plain HTTP carries credentials or a body only to hosts marked insecure or on loopback, and an
 *   HTTPS → HTTP redirect is refused for any other host;
 * - `Authorization` is kept only within one origin (scheme, host and port); to another origin it is dropped, except an
 *   HTTPS → HTTP downgrade on the same host the user marked insecure;
 * - a request with a body (the token POST, which carries a refresh token) is never re-sent to another origin: refused.
 */
import { readFileSync } from 'node:fs';
import { Agent, ProxyAgent, fetch, type Dispatcher, type Response } from 'undici';
import { hostTrust, isLoopback, type HostTrust } from './endpoint';
import { RegistryError } from './errors';

export interface HttpOptions {
  timeoutMs: number;
  userAgent: string;
  /** PEM file of extra CAs. */
  caFile?: string;
  /** Explicit proxy URL (VS Code's http.proxy); else HTTPS_PROXY / HTTP_PROXY with NO_PROXY. */
  proxy?: string;
  env?: NodeJS.ProcessEnv;
  /** Hosts marked insecure (default: none; loopback may use plain HTTP). */
  trust?: HostTrust;
}

export interface HttpRequest {
  method: 'GET' | 'HEAD' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export interface HttpAnswer {
  response: Response;
  /** The URL that answered (after redirects). */
  url: string;
  /** Reads the body, failing with `tooLarge()` as soon as more than `limit` bytes arrive (or are announced). */
  read(limit: number, tooLarge: () => RegistryError): Promise<Uint8Array>;
  /** Discards the body. */
  discard(): Promise<void>;
}

export type HttpClient = (req: HttpRequest) => Promise<HttpAnswer>;

const TLS_CODES = /CERT|SELF_SIGNED|TLS|SSL|EPROTO|UNABLE_TO_VERIFY|ERR_SSL/;
const MAX_REDIRECTS = 5;

function noProxy(host: string, env: NodeJS.ProcessEnv): boolean {
  if (isLoopback(host)) return true;
  const list = (env.NO_PROXY ?? env.no_proxy ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const name = host.replace(/:\d+$/, '').toLowerCase();
  return list.some((entry) => entry === '*' || name === entry.replace(/^\./, '') || name.endsWith(entry.startsWith('.') ? entry : `.${entry}`));
}

/** What undici error means, in the user's words. */
function describeNetworkError(error: unknown, host: string, timeoutMs: number, signal?: AbortSignal): RegistryError {
  if (error instanceof RegistryError) return error;
  const e = error as { name?: string; code?: string; cause?: { code?: string; message?: string }; message?: string };
  if (signal?.aborted) return new RegistryError('cancelled', `the request to ${host} was cancelled`);
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || e.cause?.code === 'UND_ERR_CONNECT_TIMEOUT' || e.cause?.code === 'UND_ERR_HEADERS_TIMEOUT' || e.cause?.code === 'UND_ERR_BODY_TIMEOUT') {
    return new RegistryError('timeout', `${host} did not answer within ${Math.round(timeoutMs / 1000)} s`);
  }
  const code = e.cause?.code ?? e.code ?? '';
  const detail = e.cause?.message ?? e.message ?? String(error);
  if (TLS_CODES.test(code) || TLS_CODES.test(detail)) return new RegistryError('tls', `TLS error talking to ${host}: ${code || detail}`);
  return new RegistryError('network', `cannot reach ${host}: ${code || detail}`);
}

function hasAuthorization(headers: Record<string, string>): boolean {
  return Object.keys(headers).some((k) => k.toLowerCase() === 'authorization');
}

function withoutAuthorization(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'authorization'));
}

export function createHttpClient(options: HttpOptions): HttpClient {
  const env = options.env ?? process.env;
  const trust = options.trust ?? hostTrust([]);
  const ca = options.caFile ? readFileSync(options.caFile, 'utf8') : undefined;
  const dispatchers = new Map<string, Dispatcher>();
  function dispatcherFor(url: URL): Dispatcher {
    const skipTlsVerify = url.protocol === 'https:' && trust.markedInsecure(url.host);
    const proxyUrl = options.proxy || (url.protocol === 'https:' ? (env.HTTPS_PROXY ?? env.https_proxy) : (env.HTTP_PROXY ?? env.http_proxy));
    const useProxy = proxyUrl && !noProxy(url.host, env) ? proxyUrl : undefined;
    const key = `${useProxy ?? ''}|${skipTlsVerify}`;
    let d = dispatchers.get(key);
    if (!d) {
      const connect = { ...(ca ? { ca } : {}), rejectUnauthorized: !skipTlsVerify };
      d = useProxy ? new ProxyAgent({ uri: useProxy, requestTls: connect }) : new Agent({ connect });
      dispatchers.set(key, d);
    }
    return d;
  }

  /** Refuses what must never be sent to `url`: another scheme, credentials in the URL, secrets over plain HTTP. */
  function checkTarget(url: URL, headers: Record<string, string>, body: string | undefined): void {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RegistryError('bad-response', `refusing to follow a redirect to a ${url.protocol.replace(/:$/, '')} URL`);
    if (url.username || url.password) throw new RegistryError('bad-response', `refusing a URL with credentials in it (${url.host})`);
    if (url.protocol === 'http:' && (hasAuthorization(headers) || body !== undefined) && !trust.plainHttpAllowed(url.host)) {
      throw new RegistryError('insecure-refused', `refusing to send credentials to ${url.host} over plain HTTP; mark it in podLens.registry.insecure if you trust that network`);
    }
  }

  return async (req) => {
    let url = new URL(req.url);
    let headers: Record<string, string> = { ...req.headers, 'User-Agent': options.userAgent };
    const originalHost = url.host;
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const fail = (error: unknown, host: string) => describeNetworkError(error, host, options.timeoutMs, req.signal);
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      checkTarget(url, headers, req.body);
      let response: Response;
      try {
        response = await fetch(url, { method: req.method, headers, ...(req.body !== undefined ? { body: req.body } : {}), redirect: 'manual', signal, dispatcher: dispatcherFor(url) });
      } catch (error) {
        throw fail(error, url.host);
      }
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel().catch(() => {});
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw new RegistryError('bad-response', `${url.host} redirected to something that is not a URL`);
        }
        if (next.origin !== url.origin) {
          if (req.body !== undefined) {
            throw new RegistryError('insecure-refused', `${url.host} redirected a request carrying credentials to ${next.host}, another origin; not re-sending them there`);
          }
          const downgrade = url.protocol === 'https:' && next.protocol === 'http:';
          if (downgrade && !trust.plainHttpAllowed(next.host)) {
            throw new RegistryError('insecure-refused', `${url.host} redirected from HTTPS to plain HTTP (${next.host}); refusing (mark the host in podLens.registry.insecure if you trust that network)`);
          }
          // Credentials belong to one origin: another host (blob storage, a CDN) or scheme gets none, except a
          // downgrade on the same host that the user marked insecure.
          if (!(downgrade && next.host === url.host && trust.markedInsecure(next.host))) headers = withoutAuthorization(headers);
        }
        url = next;
        continue;
      }
      const answeredBy = url.host;
      return {
        response,
        url: url.toString(),
        discard: async () => {
          await response.body?.cancel().catch(() => {});
        },
        read: async (limit, tooLarge) => {
          const declared = Number(response.headers.get('content-length') ?? '');
          if (Number.isFinite(declared) && declared > limit) {
            await response.body?.cancel().catch(() => {});
            throw tooLarge();
          }
          if (!response.body) return new Uint8Array(0);
          const reader = response.body.getReader();
          const chunks: Uint8Array[] = [];
          let total = 0;
          try {
            for (;;) {
              const { done, value } = await reader.read();
              if (done) break;
              total += value.byteLength;
              if (total > limit) {
                await reader.cancel().catch(() => {});
                throw tooLarge();
              }
              chunks.push(value);
            }
          } catch (error) {
            throw fail(error, answeredBy);
          }
          return Buffer.concat(chunks, total);
        },
      };
    }
    throw new RegistryError('bad-response', `too many redirects from ${originalHost}`);
  };
}
