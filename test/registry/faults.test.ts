/**
 * Faults a real registry will not produce on demand, injected by a loopback stub (test/support/registry-stub.ts):
 * slow answers, a wrong digest, a redirect to another host, rate limiting; plus the cache and in-flight sharing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCredentialSource, realCredentialEnvironment } from '../../server/src/registry/credentials';
import { RegistryError } from '../../server/src/registry/errors';
import { createDigestResolver } from '../../server/src/registry/resolver';
import { TokenCache } from '../../server/src/registry/token';
import { createHttpClient } from '../../server/src/registry/http';
import { startStub } from '../support/registry-stub';

const MANIFEST = JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: {}, layers: [] });
const DIGEST = `sha256:${createHash('sha256').update(MANIFEST).digest('hex')}`;

function credsFor(host: string) {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-docker-'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths: { [host]: { auth: Buffer.from('u:p').toString('base64') } } }));
  return createCredentialSource(realCredentialEnvironment({ DOCKER_CONFIG: dir, PATH: process.env.PATH }, dir));
}

async function code(p: Promise<unknown>): Promise<RegistryError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof RegistryError, String(e));
    return e;
  }
  throw new Error('expected a RegistryError');
}

test('a registry that does not answer in time: "did not answer within N s"', async () => {
  const stub = await startStub(() => {
    /* never answers */
  });
  try {
    const e = await code(createDigestResolver({ timeoutMs: 300, mirrors: { 'slow.example': stub.base } }).resolve({ registry: 'slow.example', repository: 'a/b', reference: '1' }));
    assert.equal(e.code, 'timeout');
    assert.match(e.message, new RegExp(`${stub.host} did not answer within 0 s|did not answer within`));
  } finally {
    await stub.stop();
  }
});

test('cancellation from the editor stops the lookup', async () => {
  const stub = await startStub(() => {
    /* never answers */
  });
  try {
    const controller = new AbortController();
    const p = createDigestResolver({ timeoutMs: 10_000, mirrors: { 'x.example': stub.base } }).resolve({ registry: 'x.example', repository: 'a/b', reference: '1' }, controller.signal);
    controller.abort();
    assert.equal((await code(p)).code, 'cancelled');
  } finally {
    await stub.stop();
  }
});

test('a GET body that does not match Docker-Content-Digest is refused; without the header the body is hashed', async () => {
  const stub = await startStub((req, res) => {
    if (req.url?.includes('/wrong/')) {
      if (req.method === 'HEAD') return res.writeHead(200, { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' }).end();
      return res.writeHead(200, { 'Docker-Content-Digest': `sha256:${'1'.repeat(64)}`, 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' }).end(MANIFEST);
    }
    res.writeHead(200, { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' }).end(req.method === 'HEAD' ? undefined : MANIFEST);
  });
  try {
    const r = createDigestResolver({ mirrors: { 'h.example': stub.base } });
    const e = await code(r.resolve({ registry: 'h.example', repository: 'wrong/app', reference: '1' }));
    assert.equal(e.code, 'digest-mismatch');
    assert.equal((await r.resolve({ registry: 'h.example', repository: 'right/app', reference: '1' })).digest, DIGEST);
    // HEAD first, then GET only because HEAD had no digest.
    assert.deepEqual(stub.requests.filter((q) => q.path.includes('right')).map((q) => q.method), ['HEAD', 'GET']);
  } finally {
    await stub.stop();
  }
});

test('a redirect to another host never carries the Authorization header there', async () => {
  const storage = await startStub((_req, res) => res.writeHead(200, { 'Docker-Content-Digest': DIGEST, 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' }).end());
  const registry = await startStub((req, res) => {
    if (!req.headers.authorization) return res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="test"' }).end();
    res.writeHead(307, { Location: `${storage.base}/blobs/x` }).end();
  });
  try {
    const r = createDigestResolver({ credentials: credsFor(registry.host) });
    assert.equal((await r.resolve({ registry: registry.host, repository: 'a/b', reference: '1' })).digest, DIGEST);
    assert.ok(registry.requests.some((q) => q.hadAuthorization), 'the registry got the credentials');
    assert.ok(storage.requests.length > 0 && storage.requests.every((q) => !q.hadAuthorization), 'the other host got none');
  } finally {
    await registry.stop();
    await storage.stop();
  }
});

test('429 says rate-limited with the Retry-After', async () => {
  const stub = await startStub((_req, res) => res.writeHead(429, { 'Retry-After': '42' }).end());
  try {
    const e = await code(createDigestResolver({ mirrors: { 'docker.io': stub.base } }).resolve({ registry: 'docker.io', repository: 'library/nginx', reference: '1.27' }));
    assert.equal(e.code, 'rate-limited');
    assert.equal(e.message, 'rate-limited by Docker Hub (429 Too Many Requests) asking for docker.io/library/nginx:1.27; retry after 42 s');
  } finally {
    await stub.stop();
  }
});

test('resolved digests are cached for the TTL; concurrent lookups share one request', async () => {
  const stub = await startStub((_req, res) => res.writeHead(200, { 'Docker-Content-Digest': DIGEST }).end());
  let now = 0;
  try {
    const r = createDigestResolver({ mirrors: { 'c.example': stub.base }, cacheTtlMs: 1000, now: () => now });
    const req = { registry: 'c.example', repository: 'a/b', reference: '1' };
    await Promise.all([r.resolve(req), r.resolve(req), r.resolve(req)]);
    assert.equal(stub.requests.length, 1);
    await r.resolve(req);
    assert.equal(stub.requests.length, 1);
    now = 2000;
    await r.resolve(req);
    assert.equal(stub.requests.length, 2);
  } finally {
    await stub.stop();
  }
});

test('credentials are never sent to a token realm over plain HTTP unless the host is allowed', async () => {
  const stub = await startStub((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"token":"t"}'));
  try {
    // The stub stands for a remote host here: a trust in which no host may use plain HTTP.
    const remote = { markedInsecure: () => false, plainHttpAllowed: () => false };
    const tokens = new TokenCache(createHttpClient({ timeoutMs: 2000, userAgent: 't', trust: remote }), () => 0, remote);
    const e = await code(tokens.token({ realm: `${stub.base}/token`, scope: 'repository:a:pull', credential: { kind: 'basic', username: 'u', password: 'p' } }));
    assert.equal(e.code, 'insecure-refused');
    assert.equal(stub.requests.length, 0);
    assert.equal(await tokens.token({ realm: `${stub.base}/token`, scope: 'repository:a:pull' }), 't');
  } finally {
    await stub.stop();
  }
});
