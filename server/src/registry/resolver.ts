/** createDigestResolver: the registry client behind the DigestResolver port (the only network code of Pod Lens). */
import type { DigestRequest, DigestResolver, DigestResult } from '../analysis/ports';
import { DigestCache } from './cache';
import { createCredentialSource, type CredentialSource } from './credentials';
import { endpointFor } from './endpoint';
import { RegistryError } from './errors';
import { createHttpClient, type HttpClient } from './http';
import { ManifestClient } from './manifest';
import { TokenCache } from './token';

export interface ResolverOptions {
  mirrors?: Record<string, string>;
  insecure?: string[];
  caFile?: string;
  timeoutMs?: number;
  cacheTtlMs?: number;
  proxy?: string;
  userAgent?: string;
  /** An untrusted workspace makes no registry call and runs no credential helper. */
  isTrusted?: () => boolean;
  credentials?: CredentialSource;
  http?: HttpClient;
  now?: () => number;
  env?: NodeJS.ProcessEnv;
  /** Progress and failures, never secrets. */
  log?: (message: string) => void;
}

export function createDigestResolver(options: ResolverOptions = {}): DigestResolver {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const now = options.now ?? Date.now;
  const http = options.http ?? createHttpClient({ timeoutMs, userAgent: options.userAgent ?? 'pod-lens', caFile: options.caFile, proxy: options.proxy, env: options.env });
  const manifests = new ManifestClient(http, new TokenCache(http, now));
  const cache = new DigestCache<DigestResult>(options.cacheTtlMs ?? 5 * 60_000, now);
  let credentials = options.credentials;
  const endpointOptions = { mirrors: options.mirrors ?? {}, insecure: options.insecure ?? [] };

  return {
    resolve(req: DigestRequest, signal?: AbortSignal): Promise<DigestResult> {
      if (options.isTrusted && !options.isTrusted()) {
        return Promise.reject(new RegistryError('untrusted-workspace', 'this workspace is not trusted: Pod Lens makes no registry calls here (trust the workspace to pin images)'));
      }
      const key = `${req.registry}/${req.repository}:${req.reference}|${req.platform ?? ''}`;
      return cache.get(key, async () => {
        const endpoint = endpointFor(req.registry, endpointOptions);
        options.log?.(`resolving ${req.registry}/${req.repository}:${req.reference}${req.platform ? ` for ${req.platform}` : ''}`);
        const answer = await manifests.resolve({
          endpoint,
          repository: req.repository,
          reference: req.reference,
          platform: req.platform,
          signal,
          credential: async () => {
            credentials ??= createCredentialSource();
            return credentials.lookup(req.registry);
          },
        });
        return { digest: answer.digest, mediaType: answer.mediaType, registryHost: new URL(answer.base).host };
      });
    },
  };
}
