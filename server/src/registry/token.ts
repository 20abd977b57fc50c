/**
 * The Bearer token flow of the distribution token spec: GET (or POST with an identity token) to the realm, cached
 * until expiry. The realm comes from the registry's challenge: it gets the credentials of that registry, over plain HTTP
 * only when the realm's own host is marked insecure or on loopback (never because the registry is), and its answer is
 * read with a 1 MiB cap.
 */
import { RegistryError } from './errors';
import type { Credential } from './credentials';
import type { HostTrust } from './endpoint';
import type { HttpClient } from './http';
import { describeStatus } from './status';

export interface TokenRequest {
  realm: string;
  service?: string;
  scope: string;
  credential?: Credential;
  signal?: AbortSignal;
}

interface Cached {
  token: string;
  expiresAt: number;
}

/** The token spec's default lifetime when the server names none (60 s). */
const DEFAULT_EXPIRES_IN = 60;
/** A token answer is a few KB; 1 MiB is generous and bounds what a hostile endpoint can make us hold. */
const MAX_TOKEN_RESPONSE_BYTES = 1024 * 1024;
/** A token goes into an HTTP header: visible ASCII only. */
const TOKEN_CHARS = /^[\x21-\x7e]+$/;

export class TokenCache {
  private readonly tokens = new Map<string, Cached>();

  constructor(
    private readonly http: HttpClient,
    private readonly now: () => number,
    private readonly trust: HostTrust,
  ) {}

  async token(req: TokenRequest): Promise<string> {
    const who = req.credential?.kind === 'basic' ? req.credential.username : req.credential ? 'identity' : 'anonymous';
    const key = `${req.realm}|${req.service ?? ''}|${req.scope}|${who}`;
    const hit = this.tokens.get(key);
    if (hit && hit.expiresAt > this.now()) return hit.token;
    let realm: URL;
    try {
      realm = new URL(req.realm);
    } catch {
      throw new RegistryError('bad-response', 'the registry named a token realm that is not a URL');
    }
    if (realm.protocol !== 'https:' && realm.protocol !== 'http:') throw new RegistryError('bad-response', `the registry named a token realm that is not http or https (${realm.protocol.replace(/:$/, '')})`);
    if (realm.username || realm.password) throw new RegistryError('bad-response', `the registry named a token realm with credentials in its URL (${realm.host}); refusing`);
    if (req.credential && realm.protocol === 'http:' && !this.trust.plainHttpAllowed(realm.host)) {
      throw new RegistryError('insecure-refused', `refusing to send credentials to ${realm.host} over plain HTTP; mark it in podLens.registry.insecure if you trust that network`);
    }
    if (req.service) realm.searchParams.set('service', req.service);
    realm.searchParams.set('scope', req.scope);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (req.credential?.kind === 'basic') headers.Authorization = `Basic ${Buffer.from(`${req.credential.username}:${req.credential.password}`).toString('base64')}`;
    let form: string | undefined;
    if (req.credential?.kind === 'identity-token') {
      // An identity token is an OAuth2 refresh token: POST it to the realm (distribution token spec, "oauth.md").
      const params = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: req.credential.token, client_id: 'pod-lens', scope: req.scope });
      if (req.service) params.set('service', req.service);
      form = params.toString();
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    }
    const answer = await this.http({ method: form ? 'POST' : 'GET', url: form ? req.realm : realm.toString(), headers, body: form, signal: req.signal });
    const { response } = answer;
    if (response.status === 401 || response.status === 403) {
      await answer.discard();
      throw new RegistryError('unauthorized', `${realm.host} refused the ${req.credential ? 'credentials from your docker config' : 'anonymous token request'} for ${req.scope}`);
    }
    if (!response.ok) {
      await answer.discard();
      const status = describeStatus(response);
      throw new RegistryError(status.code, `token endpoint ${realm.host} ${status.text}`);
    }
    const bytes = await answer.read(MAX_TOKEN_RESPONSE_BYTES, () => new RegistryError('too-large', `token endpoint ${realm.host} sent an answer larger than 1 MiB; refusing it`));
    let body: { token?: unknown; access_token?: unknown; expires_in?: unknown };
    try {
      const parsed: unknown = JSON.parse(Buffer.from(bytes).toString('utf8'));
      body = typeof parsed === 'object' && parsed !== null ? (parsed as typeof body) : {};
    } catch {
      throw new RegistryError('bad-response', `token endpoint ${realm.host} answered with something that is not JSON`);
    }
    const token = typeof body.token === 'string' && body.token ? body.token : body.access_token;
    if (typeof token !== 'string' || !token) throw new RegistryError('bad-response', `token endpoint ${realm.host} gave no token`);
    if (!TOKEN_CHARS.test(token)) throw new RegistryError('bad-response', `token endpoint ${realm.host} gave a token with characters a header cannot carry`);
    const expiresIn = typeof body.expires_in === 'number' && Number.isFinite(body.expires_in) && body.expires_in > 0 ? body.expires_in : DEFAULT_EXPIRES_IN;
    this.tokens.set(key, { token, expiresAt: this.now() + Math.max(0, expiresIn - 5) * 1000 });
    return token;
  }
}
