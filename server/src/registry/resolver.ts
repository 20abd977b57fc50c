/** createDigestResolver: the registry client behind the DigestResolver port (the only network code of Pod Lens). */
import { excerpt, isDigest } from '../analysis/fixes/digest';
import type { DigestRequest, DigestResolver, DigestResult } from '../analysis/ports';
import { DigestCache } from './cache';
import { createCredentialSource, type CredentialSource } from './credentials';
import { endpointFor, hostTrust } from './endpoint';
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
  const insecure = options.insecure ?? [];
  const trust = hostTrust(insecure);
  const http = options.http ?? createHttpClient({ timeoutMs, userAgent: options.userAgent ?? 'pod-lens', caFile: options.caFile, proxy: options.proxy, env: options.env, trust });
  const manifests = new ManifestClient(http, new TokenCache(http, now, trust));
  const cache = new DigestCache<DigestResult>(options.cacheTtlMs ?? 5 * 60_000, now);
  let credentials = options.credentials;
  const endpointOptions = { mirrors: options.mirrors ?? {}, insecure };

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
          // Credentials of the host actually asked: a mirror gets the mirror's own, never the mirrored registry's.
          credential: async () => {
            credentials ??= createCredentialSource();
            return credentials.lookup(endpoint.credentialHost);
          },
        });
        // The manifest client only answers digests; checked once more here, at the port every caller goes through.
        if (!isDigest(answer.digest)) throw new RegistryError('bad-response', `${req.registry} answered ${excerpt(answer.digest)}, which is not a digest`);
        return { digest: answer.digest, mediaType: answer.mediaType, registryHost: new URL(answer.base).host };
      });
    },
  };
}
