/**
 * Asks a registry what a tag points to: HEAD /v2/<repo>/manifests/<ref> with every manifest type in Accept (without the
 * index type an OCI index answers 404; with Docker v2 only, a list answers with its amd64 child), Docker-Content-Digest
 * taken when present and a digest, else GET.
 *
 * Every digest from the network is checked against the digest grammar before it is used (in an edit or in a URL), and a
 * GET's bytes (read with a 4 MiB cap, as registries cap manifests) must match both the digest asked for and the
 * Docker-Content-Digest the registry claims, in that digest's own algorithm. A HEAD answer has no bytes to check: its
 * digest is only used when it is a well-formed digest, and the runtime that pulls `name@digest` verifies the bytes it
 * gets against it, so a registry that lies there gains nothing it could not get by serving other bytes for the tag.
 */
import { isDigest, excerpt } from '../analysis/fixes/digest';
import { parseChallenges } from './challenge';
import type { Credential } from './credentials';
import { digestOf, matches } from './digest';
import type { Endpoint } from './endpoint';
import { RegistryError } from './errors';
import type { HttpAnswer, HttpClient } from './http';
import { describeStatus, retryAfter } from './status';
import type { TokenCache } from './token';

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];

/** The size registries themselves accept for a manifest (distribution and containerd: 4 MiB). */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

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
  /** Whether the header carries the user's credentials (a Bearer token can be anonymous). */
  withCredential?: boolean;
}

function displayName(lookup: ManifestLookup): string {
  return `${lookup.endpoint.registry}/${lookup.repository}`;
}

/** A media type from a header, or '' when it is not one (it is only compared, never written). */
function mediaTypeOf(answer: HttpAnswer): string {
  const value = (answer.response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  return /^[a-z0-9][a-z0-9.+_-]*\/[a-z0-9][a-z0-9.+_-]*$/.test(value) ? value : '';
}

/** A platform part from an index, for messages: plain words only. */
function word(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9._-]{1,40}$/.test(value) ? value : undefined;
}

interface IndexEntry {
  digest?: unknown;
  mediaType?: unknown;
  platform?: { os?: unknown; architecture?: unknown; variant?: unknown };
}

/** Small: an error body is a few codes and messages; a larger one is not read. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/**
 * The `errors[].code` values of a registry's error body (the distribution spec's error format), or none when the body
 * is missing, too large or not that JSON: only compared against known codes, never shown.
 */
async function errorCodes(answer: HttpAnswer): Promise<string[]> {
  try {
    const body = await answer.read(MAX_ERROR_BODY_BYTES, () => new RegistryError('too-large', 'error body too large'));
    const parsed = JSON.parse(Buffer.from(body).toString('utf8')) as { errors?: unknown };
    return Array.isArray(parsed.errors) ? parsed.errors.flatMap((e) => (typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? [(e as { code: string }).code] : [])) : [];
  } catch {
    return [];
  }
}

export class ManifestClient {
  constructor(
    private readonly http: HttpClient,
    private readonly tokens: TokenCache,
  ) {}

  /** One request with the registry's auth dance: on 401, answer the challenge and retry once. */
  private async request(lookup: ManifestLookup, base: string, method: 'GET' | 'HEAD', path: string, auth: Auth): Promise<HttpAnswer> {
    const url = `${base}/v2/${lookup.repository}/${path}`;
    const headers: Record<string, string> = { Accept: MANIFEST_TYPES.join(', ') };
    if (auth.header) headers.Authorization = auth.header;
    const first = await this.http({ method, url, headers, signal: lookup.signal });
    if (first.response.status !== 401 || auth.header) return first;
    const challenges = parseChallenges(first.response.headers.get('www-authenticate'));
    await first.discard();
    const credential = await lookup.credential();
    auth.withCredential = credential !== undefined;
    const bearer = challenges.find((c) => c.scheme === 'bearer');
    if (bearer?.params.realm) {
      const token = await this.tokens.token({
        realm: bearer.params.realm,
        service: bearer.params.service,
        scope: bearer.params.scope ?? `repository:${lookup.repository}:pull`,
        credential,
        signal: lookup.signal,
      });
      auth.header = `Bearer ${token}`;
    } else if (challenges.some((c) => c.scheme === 'basic')) {
      if (!credential || credential.kind !== 'basic') {
        throw new RegistryError('no-credentials', `${lookup.endpoint.registry} needs credentials; none found in docker config${lookup.endpoint.credentialHost !== lookup.endpoint.registry ? ` for ${lookup.endpoint.credentialHost}` : ''}`);
      }
      auth.header = `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`;
    } else {
      throw new RegistryError('unauthorized', `${lookup.endpoint.registry} refused the request (401) without a usable challenge`);
    }
    return this.http({ method, url, headers: { ...headers, Authorization: auth.header }, signal: lookup.signal });
  }

  private async failure(answer: HttpAnswer, lookup: ManifestLookup, credential: boolean): Promise<RegistryError> {
    const codes = answer.response.status === 404 ? await errorCodes(answer) : (await answer.discard(), []);
    const { response } = answer;
    const where = `${displayName(lookup)}:${lookup.reference}`;
    // The distribution spec's NAME_UNKNOWN: the registry has no such repository, so no tag of it can be found either.
    if (response.status === 404 && codes.includes('NAME_UNKNOWN')) return new RegistryError('not-found', `repository ${displayName(lookup)} does not exist (the registry does not know the name; check its spelling)`);
    if (response.status === 404) return new RegistryError('not-found', isDigest(lookup.reference) ? `manifest ${lookup.reference} not found in ${displayName(lookup)}` : `tag ${lookup.reference} not found in ${displayName(lookup)}`);
    if (response.status === 401 || response.status === 403) {
      // Docker Hub answers an anonymous pull of a repository that does not exist with 401 too, so the two cannot be told
      // apart; docker pull says "repository does not exist or may require 'docker login'" for the same answer.
      return new RegistryError(
        credential ? 'unauthorized' : 'no-credentials',
        credential
          ? `${lookup.endpoint.registry} refused the credentials from your docker config for ${lookup.repository}`
          : `${lookup.endpoint.registry} needs credentials; none found in docker config (or repository ${displayName(lookup)} does not exist: the registry gives the same answer for both)`,
      );
    }
    if (response.status === 429) {
      const who = lookup.endpoint.registry === 'docker.io' ? 'Docker Hub' : lookup.endpoint.registry;
      return new RegistryError('rate-limited', `rate-limited by ${who} (429 Too Many Requests) asking for ${where}; retry after ${retryAfter(response.headers.get('retry-after'))}`);
    }
    const status = describeStatus(response);
    return new RegistryError(status.code, `${lookup.endpoint.registry} ${status.text} for ${where}`);
  }

  /**
   * GET a manifest and check its bytes: against the digest asked for (when the reference is one) and against the
   * Docker-Content-Digest the registry claims; without a claim the digest is the sha256 of the exact bytes.
   */
  private async get(lookup: ManifestLookup, base: string, reference: string, auth: Auth): Promise<{ digest: string; mediaType: string; body: Uint8Array }> {
    const answer = await this.request(lookup, base, 'GET', `manifests/${reference}`, auth);
    if (!answer.response.ok) throw await this.failure(answer, { ...lookup, reference }, auth.withCredential === true);
    const where = `${displayName(lookup)}:${reference}`;
    const body = await answer.read(MAX_MANIFEST_BYTES, () => new RegistryError('too-large', `${lookup.endpoint.registry} sent a manifest for ${where} larger than 4 MiB (the limit registries use); not pinning`));
    const claimed = answer.response.headers.get('docker-content-digest');
    if (claimed !== null && !isDigest(claimed)) {
      throw new RegistryError('bad-response', `${lookup.endpoint.registry} sent a Docker-Content-Digest for ${where} that is not a digest (${excerpt(claimed)}); not pinning`);
    }
    if (claimed !== null && !matches(body, claimed)) {
      throw new RegistryError('digest-mismatch', `${lookup.endpoint.registry} sent a manifest for ${where} whose bytes do not match its Docker-Content-Digest ${claimed}; not pinning`);
    }
    if (isDigest(reference) && !matches(body, reference)) {
      throw new RegistryError('digest-mismatch', `${lookup.endpoint.registry} sent a manifest that does not match ${reference}; not pinning`);
    }
    const digest = isDigest(reference) ? reference : (claimed ?? digestOf(body));
    return { digest, mediaType: mediaTypeOf(answer), body };
  }

  /** The child manifest of an index for one platform: the index must be JSON with a `manifests` list, the child's digest a digest. */
  private pickPlatform(body: Uint8Array, platform: string, lookup: ManifestLookup): string {
    const what = `${displayName(lookup)}:${lookup.reference}`;
    let index: unknown;
    try {
      index = JSON.parse(Buffer.from(body).toString('utf8'));
    } catch {
      throw new RegistryError('bad-response', `${lookup.endpoint.registry} sent an index for ${what} that is not valid JSON`);
    }
    const list = typeof index === 'object' && index !== null ? (index as { manifests?: unknown }).manifests : undefined;
    if (!Array.isArray(list)) throw new RegistryError('bad-response', `${lookup.endpoint.registry} sent an index for ${what} without a "manifests" list`);
    const manifests = list.filter((m): m is IndexEntry => typeof m === 'object' && m !== null);
    const [os, architecture, variant] = platform.split('/');
    const match = manifests.find((m) => m.platform?.os === os && m.platform?.architecture === architecture && (variant === undefined || m.platform?.variant === variant));
    if (!match) {
      const have = manifests.map((m) => [word(m.platform?.os), word(m.platform?.architecture), word(m.platform?.variant)].filter(Boolean).join('/')).filter(Boolean);
      throw new RegistryError('not-found', `${what} has no ${platform} image (it has ${[...new Set(have)].join(', ') || 'none'})`);
    }
    // The child's digest becomes part of a URL and of the pin: only a digest goes on.
    if (!isDigest(match.digest)) {
      throw new RegistryError('bad-response', `${lookup.endpoint.registry} sent an index for ${what} whose ${platform} entry has an invalid digest (${excerpt(String(match.digest))}); not following it`);
    }
    return match.digest;
  }

  async resolve(lookup: ManifestLookup): Promise<ManifestAnswer> {
    let lastError: RegistryError | undefined;
    for (const base of lookup.endpoint.bases) {
      const auth: Auth = {};
      try {
        if (lookup.platform) {
          const top = await this.get(lookup, base, lookup.reference, auth);
          if (!/index|list/.test(top.mediaType)) return { digest: top.digest, mediaType: top.mediaType, base };
          const child = this.pickPlatform(top.body, lookup.platform, lookup);
          // Fetch the child too, so its digest is verified like any pinned bytes.
          const verified = await this.get(lookup, base, child, auth);
          return { digest: verified.digest, mediaType: verified.mediaType, base };
        }
        // HEAD first: Docker Hub does not count it against the pull limit.
        const head = await this.request(lookup, base, 'HEAD', `manifests/${lookup.reference}`, auth);
        if (head.response.status === 404) {
          // A HEAD answer has no body to say whether the repository or the tag is unknown; the GET's error body does.
          await head.discard();
          const got = await this.get(lookup, base, lookup.reference, auth);
          return { digest: got.digest, mediaType: got.mediaType, base };
        }
        if (!head.response.ok) throw await this.failure(head, lookup, auth.withCredential === true);
        const digest = head.response.headers.get('docker-content-digest');
        const mediaType = mediaTypeOf(head);
        await head.discard();
        if (isDigest(digest)) return { digest, mediaType, base };
        // No digest, or not a digest: GET the bytes and check them.
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
