/** A token server for the registry's token auth: checks Basic credentials and signs RS256 JWTs with an x5c header. */
import { createServer, type Server } from 'node:http';
import { createSign, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { SelfSigned } from './tls';

export interface TokenServer {
  realm: string;
  service: string;
  issuer: string;
  /** Requests seen (path and whether they carried credentials), never the credentials themselves. */
  requests: Array<{ scope: string | null; authenticated: boolean }>;
  stop: () => Promise<void>;
}

function b64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

export async function startTokenServer(cert: SelfSigned, users: Record<string, string>, options: { allowAnonymous?: boolean } = {}): Promise<TokenServer> {
  const service = 'pod-lens-test-registry';
  const issuer = 'pod-lens-test-issuer';
  const requests: TokenServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const auth = req.headers.authorization;
    let user: string | undefined;
    if (auth?.startsWith('Basic ')) {
      const [u, p] = Buffer.from(auth.slice(6), 'base64').toString('utf8').split(':');
      if (u && users[u] !== undefined && users[u] === p) user = u;
      else {
        res.writeHead(401).end('{"errors":[{"code":"UNAUTHORIZED"}]}');
        return;
      }
    }
    const scope = url.searchParams.get('scope');
    requests.push({ scope, authenticated: user !== undefined });
    if (!user && !options.allowAnonymous) {
      res.writeHead(401).end();
      return;
    }
    const [, name, actions] = scope?.split(':') ?? [];
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', x5c: [cert.derBase64] };
    const claims = { iss: issuer, sub: user ?? '', aud: url.searchParams.get('service') ?? service, exp: now + 300, nbf: now - 10, iat: now, jti: randomUUID(), access: name ? [{ type: 'repository', name, actions: (actions ?? 'pull').split(',') }] : [] };
    const body = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    const signature = createSign('RSA-SHA256').update(body).sign(cert.key);
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ token: `${body}.${b64url(signature)}`, expires_in: 300 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    realm: `http://127.0.0.1:${port}/token`,
    service,
    issuer,
    requests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
