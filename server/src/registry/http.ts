/**
 * HTTP for the registry client: timeouts, cancellation, proxies, a private CA, unverified TLS only for hosts marked
 * insecure, and redirects followed by hand so `Authorization` never reaches another host (e.g. a blob storage host).
 */
import { readFileSync } from 'node:fs';
import { Agent, ProxyAgent, fetch, type Dispatcher, type Response } from 'undici';
import { isLoopback } from './endpoint';
import { RegistryError } from './errors';

export interface HttpOptions {
  timeoutMs: number;
  userAgent: string;
  /** PEM file of extra CAs. */
  caFile?: string;
  /** Explicit proxy URL (VS Code's http.proxy); else HTTPS_PROXY / HTTP_PROXY with NO_PROXY. */
  proxy?: string;
  env?: NodeJS.ProcessEnv;
}

export interface HttpRequest {
  method: 'GET' | 'HEAD' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  skipTlsVerify: boolean;
  signal?: AbortSignal;
}

export type HttpClient = (req: HttpRequest) => Promise<{ response: Response; url: string }>;

const TLS_CODES = /CERT|SELF_SIGNED|TLS|SSL|EPROTO|UNABLE_TO_VERIFY|ERR_SSL/;

function hostOf(url: string): string {
  return new URL(url).host;
}

function noProxy(host: string, env: NodeJS.ProcessEnv): boolean {
  if (isLoopback(host)) return true;
  const list = (env.NO_PROXY ?? env.no_proxy ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const name = host.replace(/:\d+$/, '').toLowerCase();
  return list.some((entry) => entry === '*' || name === entry.replace(/^\./, '') || name.endsWith(entry.startsWith('.') ? entry : `.${entry}`));
}

/** What undici error means, in the user's words. */
export function describeNetworkError(error: unknown, host: string, timeoutMs: number, signal?: AbortSignal): RegistryError {
  if (error instanceof RegistryError) return error;
  const e = error as { name?: string; code?: string; cause?: { code?: string; message?: string }; message?: string };
  if (signal?.aborted) return new RegistryError('cancelled', `the request to ${host} was cancelled`);
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || e.cause?.code === 'UND_ERR_CONNECT_TIMEOUT' || e.cause?.code === 'UND_ERR_HEADERS_TIMEOUT') {
    return new RegistryError('timeout', `${host} did not answer within ${Math.round(timeoutMs / 1000)} s`);
  }
  const code = e.cause?.code ?? e.code ?? '';
  const detail = e.cause?.message ?? e.message ?? String(error);
  if (TLS_CODES.test(code) || TLS_CODES.test(detail)) return new RegistryError('tls', `TLS error talking to ${host}: ${code || detail}`);
  return new RegistryError('network', `cannot reach ${host}: ${code || detail}`);
}

export function createHttpClient(options: HttpOptions): HttpClient {
  const env = options.env ?? process.env;
  const ca = options.caFile ? readFileSync(options.caFile, 'utf8') : undefined;
  const dispatchers = new Map<string, Dispatcher>();
  function dispatcherFor(url: string, skipTlsVerify: boolean): Dispatcher {
    const u = new URL(url);
    const proxyUrl = options.proxy || (u.protocol === 'https:' ? (env.HTTPS_PROXY ?? env.https_proxy) : (env.HTTP_PROXY ?? env.http_proxy));
    const useProxy = proxyUrl && !noProxy(u.host, env) ? proxyUrl : undefined;
    const key = `${useProxy ?? ''}|${skipTlsVerify}`;
    let d = dispatchers.get(key);
    if (!d) {
      const connect = { ...(ca ? { ca } : {}), rejectUnauthorized: !skipTlsVerify };
      d = useProxy ? new ProxyAgent({ uri: useProxy, requestTls: connect }) : new Agent({ connect });
      dispatchers.set(key, d);
    }
    return d;
  }

  return async (req) => {
    let url = req.url;
    let headers = { ...req.headers, 'User-Agent': options.userAgent };
    const originalHost = hostOf(url);
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    for (let hop = 0; hop < 6; hop++) {
      let response: Response;
      try {
        response = await fetch(url, { method: req.method, headers, ...(req.body !== undefined ? { body: req.body } : {}), redirect: 'manual', signal, dispatcher: dispatcherFor(url, req.skipTlsVerify && hostOf(url) === originalHost) });
      } catch (error) {
        throw describeNetworkError(error, hostOf(url), options.timeoutMs, req.signal);
      }
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        const next = new URL(location, url).toString();
        // Credentials belong to the registry's host only: a redirect elsewhere (blob storage, a CDN) goes without them.
        if (hostOf(next) !== hostOf(url)) {
          const { Authorization: _dropped, authorization: _dropped2, ...rest } = headers as Record<string, string>;
          headers = rest as typeof headers;
        }
        await response.body?.cancel();
        url = next;
        continue;
      }
      return { response, url };
    }
    throw new RegistryError('bad-response', `too many redirects from ${originalHost}`);
  };
}
