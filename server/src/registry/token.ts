/** The Bearer token flow of the distribution token spec: GET (or POST with an identity token) to the realm, cached until expiry. */
import { RegistryError } from './errors';
import type { Credential } from './credentials';
import type { HttpClient } from './http';

export interface TokenRequest {
  realm: string;
  service?: string;
  scope: string;
  credential?: Credential;
  /** Hosts that may receive credentials over plain HTTP. */
  allowPlainHttp: boolean;
  skipTlsVerify: boolean;
  signal?: AbortSignal;
}

interface Cached {
  token: string;
  expiresAt: number;
}

/** The token spec's default lifetime when the server names none (60 s). */
const DEFAULT_EXPIRES_IN = 60;

export class TokenCache {
  private readonly tokens = new Map<string, Cached>();

  constructor(
    private readonly http: HttpClient,
    private readonly now: () => number,
  ) {}

  async token(req: TokenRequest): Promise<string> {
    const who = req.credential?.kind === 'basic' ? req.credential.username : req.credential ? 'identity' : 'anonymous';
    const key = `${req.realm}|${req.service ?? ''}|${req.scope}|${who}`;
    const hit = this.tokens.get(key);
    if (hit && hit.expiresAt > this.now()) return hit.token;
    const realm = new URL(req.realm);
    if (req.credential && realm.protocol === 'http:' && !req.allowPlainHttp) {
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
    const { response } = await this.http({ method: form ? 'POST' : 'GET', url: form ? req.realm : realm.toString(), headers, body: form, skipTlsVerify: req.skipTlsVerify, signal: req.signal });
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      throw new RegistryError('unauthorized', `${realm.host} refused the ${req.credential ? 'credentials from your docker config' : 'anonymous token request'} for ${req.scope}`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new RegistryError('bad-response', `token endpoint ${realm.host} answered ${response.status}`);
    }
    const body = (await response.json().catch(() => ({}))) as { token?: string; access_token?: string; expires_in?: number };
    const token = body.token ?? body.access_token;
    if (!token) throw new RegistryError('bad-response', `token endpoint ${realm.host} gave no token`);
    const expiresIn = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : DEFAULT_EXPIRES_IN;
    this.tokens.set(key, { token, expiresAt: this.now() + (expiresIn - 5) * 1000 });
    return token;
  }
}
