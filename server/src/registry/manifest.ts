/**
 * Asks a registry what a tag points to: HEAD /v2/<repo>/manifests/<ref> with every manifest type in Accept (without the
 * index type an OCI index answers 404; with Docker v2 only, a list answers with its amd64 child), Docker-Content-Digest
 * taken when present, else GET and sha256 of the exact body; a fetched body is always checked against the header.
 */
import { createHash } from 'node:crypto';
import type { Response } from 'undici';
import { parseChallenges } from './challenge';
import type { Credential } from './credentials';
import type { Endpoint } from './endpoint';
import { RegistryError } from './errors';
import type { HttpClient } from './http';
import type { TokenCache } from './token';

export const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];

export interface ManifestLookup {
  endpoint: Endpoint;
  repository: string;
  reference: string;
  platform?: string;
  credential: () => Promise<Credential | undefined>;
  signal?: AbortSignal;
}

export interface ManifestAnswer {
  digest: string;
  mediaType: string;
  base: string;
}

interface Auth {
  header?: string;
}

function sha256(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

function displayName(lookup: ManifestLookup): string {
  return `${lookup.endpoint.registry}/${lookup.repository}`;
}

export class ManifestClient {
  constructor(
    private readonly http: HttpClient,
    private readonly tokens: TokenCache,
  ) {}

  /** One request with the registry's auth dance: on 401, answer the challenge and retry once. */
  private async request(lookup: ManifestLookup, base: string, method: 'GET' | 'HEAD', path: string, auth: Auth): Promise<Response> {
    const url = `${base}/v2/${lookup.repository}/${path}`;
    const headers: Record<string, string> = { Accept: MANIFEST_TYPES.join(', ') };
    if (auth.header) headers.Authorization = auth.header;
    let { response } = await this.http({ method, url, headers, skipTlsVerify: lookup.endpoint.skipTlsVerify, signal: lookup.signal });
    if (response.status !== 401 || auth.header) return response;
    const challenges = parseChallenges(response.headers.get('www-authenticate'));
    await response.body?.cancel();
    const credential = await lookup.credential();
    const plain = base.startsWith('http:');
    const bearer = challenges.find((c) => c.scheme === 'bearer');
    if (bearer?.params.realm) {
      const token = await this.tokens.token({
        realm: bearer.params.realm,
        service: bearer.params.service,
        scope: bearer.params.scope ?? `repository:${lookup.repository}:pull`,
        credential,
        allowPlainHttp: lookup.endpoint.allowPlainHttp,
        skipTlsVerify: lookup.endpoint.skipTlsVerify,
        signal: lookup.signal,
      });
      auth.header = `Bearer ${token}`;
    } else if (challenges.some((c) => c.scheme === 'basic')) {
      if (!credential || credential.kind !== 'basic') {
        throw new RegistryError('no-credentials', `${lookup.endpoint.registry} needs credentials; none found in docker config`);
      }
      if (plain && !lookup.endpoint.allowPlainHttp) {
        throw new RegistryError('insecure-refused', `refusing to send credentials to ${lookup.endpoint.registry} over plain HTTP`);
      }
      auth.header = `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`;
    } else {
      throw new RegistryError('unauthorized', `${lookup.endpoint.registry} refused the request (401) without a usable challenge`);
    }
    ({ response } = await this.http({ method, url, headers: { ...headers, Authorization: auth.header }, skipTlsVerify: lookup.endpoint.skipTlsVerify, signal: lookup.signal }));
    return response;
  }

  private async failure(response: Response, lookup: ManifestLookup, credential: boolean): Promise<RegistryError> {
    await response.body?.cancel();
    if (response.status === 404) return new RegistryError('not-found', `tag ${lookup.reference} not found in ${displayName(lookup)}`);
    if (response.status === 401 || response.status === 403) {
      return new RegistryError(credential ? 'unauthorized' : 'no-credentials', credential ? `${lookup.endpoint.registry} refused the credentials from your docker config for ${lookup.repository}` : `${lookup.endpoint.registry} needs credentials; none found in docker config`);
    }
    if (response.status === 429) {
      const after = response.headers.get('retry-after');
      const who = lookup.endpoint.registry === 'docker.io' ? 'Docker Hub' : lookup.endpoint.registry;
      return new RegistryError('rate-limited', `rate-limited by ${who}; retry after ${after ? `${after} s` : 'a while'}`);
    }
    return new RegistryError('bad-response', `${lookup.endpoint.registry} answered ${response.status} for ${lookup.repository}:${lookup.reference}`);
  }

  /** GET a manifest and verify its bytes against the digest the registry claims (or compute it when it claims none). */
  private async get(lookup: ManifestLookup, base: string, reference: string, auth: Auth): Promise<{ digest: string; mediaType: string; body: Uint8Array }> {
    const response = await this.request(lookup, base, 'GET', `manifests/${reference}`, auth);
    if (!response.ok) throw await this.failure(response, { ...lookup, reference }, auth.header !== undefined);
    const body = new Uint8Array(await response.arrayBuffer());
    const computed = sha256(body);
    const claimed = response.headers.get('docker-content-digest');
    if (claimed && claimed.startsWith('sha256:') && claimed !== computed) {
      throw new RegistryError('digest-mismatch', `${lookup.endpoint.registry} sent a manifest whose sha256 (${computed}) differs from its Docker-Content-Digest (${claimed}); not pinning`);
    }
    if (reference.startsWith('sha256:') && reference !== computed) {
      throw new RegistryError('digest-mismatch', `${lookup.endpoint.registry} sent a manifest that does not match ${reference}`);
    }
    return { digest: claimed ?? computed, mediaType: (response.headers.get('content-type') ?? '').split(';')[0]!.trim(), body };
  }

  private pickPlatform(index: unknown, platform: string, lookup: ManifestLookup): { digest: string; mediaType: string } {
    const [os, architecture, variant] = platform.split('/');
    const manifests = (index as { manifests?: Array<{ digest?: string; mediaType?: string; platform?: { os?: string; architecture?: string; variant?: string } }> }).manifests ?? [];
    const match = manifests.find((m) => m.platform?.os === os && m.platform?.architecture === architecture && (variant === undefined || m.platform?.variant === variant));
    if (!match?.digest) {
      const have = manifests.map((m) => [m.platform?.os, m.platform?.architecture, m.platform?.variant].filter(Boolean).join('/')).join(', ');
      throw new RegistryError('not-found', `${displayName(lookup)}:${lookup.reference} has no ${platform} image (it has ${have || 'none'})`);
    }
    return { digest: match.digest, mediaType: match.mediaType ?? '' };
  }

  async resolve(lookup: ManifestLookup): Promise<ManifestAnswer> {
    let lastError: RegistryError | undefined;
    for (const base of lookup.endpoint.bases) {
      const auth: Auth = {};
      try {
        if (lookup.platform) {
          const top = await this.get(lookup, base, lookup.reference, auth);
          if (!/index|list/.test(top.mediaType)) return { digest: top.digest, mediaType: top.mediaType, base };
          const child = this.pickPlatform(JSON.parse(Buffer.from(top.body).toString('utf8')), lookup.platform, lookup);
          // Fetch the child too, so its digest is verified like any pinned bytes.
          const verified = await this.get(lookup, base, child.digest, auth);
          return { digest: verified.digest, mediaType: verified.mediaType || child.mediaType, base };
        }
        // HEAD first: Docker Hub does not count it against the pull limit.
        const head = await this.request(lookup, base, 'HEAD', `manifests/${lookup.reference}`, auth);
        if (!head.ok) throw await this.failure(head, lookup, auth.header !== undefined);
        const digest = head.headers.get('docker-content-digest');
        const mediaType = (head.headers.get('content-type') ?? '').split(';')[0]!.trim();
        await head.body?.cancel();
        if (digest && /^sha256:[a-f0-9]{64}$/.test(digest)) return { digest, mediaType, base };
        const got = await this.get(lookup, base, lookup.reference, auth);
        return { digest: got.digest, mediaType: got.mediaType, base };
      } catch (error) {
        if (!(error instanceof RegistryError)) throw error;
        lastError = error;
        // Only a transport failure on HTTPS moves on to plain HTTP (allowed hosts); an answer from the registry is final.
        if (error.code !== 'network' && error.code !== 'tls') throw error;
      }
    }
    throw lastError ?? new RegistryError('network', `cannot reach ${lookup.endpoint.registry}`);
  }
}
