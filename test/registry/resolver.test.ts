/** The registry client against Debian's docker-registry on 127.0.0.1: anonymous, Basic, Bearer, TLS, platforms, errors. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCredentialSource, realCredentialEnvironment } from '../../server/src/registry/credentials';
import { RegistryError } from '../../server/src/registry/errors';
import { createDigestResolver } from '../../server/src/registry/resolver';
import { pushImage, type PushedImage } from '../support/push-image';
import { startRegistry, type Registry } from '../support/registry-server';
import { selfSigned } from '../support/tls';
import { startTokenServer, type TokenServer } from '../support/token-server';

/** A docker config dir holding `config`, and the environment that points at it. */
function dockerEnv(config: unknown, extraPath?: string): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-docker-'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  return { DOCKER_CONFIG: dir, HOME: dir, PATH: extraPath ? `${extraPath}:${process.env.PATH}` : process.env.PATH };
}

function resolverWith(env: NodeJS.ProcessEnv, extra: Parameters<typeof createDigestResolver>[0] = {}) {
  return createDigestResolver({ credentials: createCredentialSource(realCredentialEnvironment(env, env.HOME)), ...extra });
}

async function rejects(p: Promise<unknown>, code: string, message: RegExp): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof RegistryError, String(e));
    assert.equal(e.code, code, e.message);
    assert.match(e.message, message);
    return true;
  });
}

let plain: Registry;
let images: Record<string, PushedImage>;

before(async () => {
  plain = await startRegistry();
  images = {
    index: await pushImage({ base: plain.base }, 'team/app', '1.0', 'oci-index', { pretty: true }),
    list: await pushImage({ base: plain.base }, 'team/list', '2.0', 'docker-list'),
    oci: await pushImage({ base: plain.base }, 'team/single', '3.0', 'oci-manifest'),
    docker: await pushImage({ base: plain.base }, 'library/nginx', '1.27', 'docker-manifest', { pretty: true }),
  };
});
after(async () => plain.stop());

test('anonymous: the digest of an OCI index, a Docker list and single manifests equals what was pushed', async () => {
  const r = createDigestResolver();
  for (const [repo, ref, image] of [['team/app', '1.0', images.index], ['team/list', '2.0', images.list], ['team/single', '3.0', images.oci], ['library/nginx', '1.27', images.docker]] as const) {
    const got = await r.resolve({ registry: plain.host, repository: repo, reference: ref });
    assert.equal(got.digest, image!.digest, repo);
  }
});

test('platform pins one platform’s manifest instead of the index', async () => {
  const r = createDigestResolver();
  const arm = await r.resolve({ registry: plain.host, repository: 'team/app', reference: '1.0', platform: 'linux/arm64' });
  assert.equal(arm.digest, images.index!.platforms['linux/arm64']);
  const amd = await r.resolve({ registry: plain.host, repository: 'team/list', reference: '2.0', platform: 'linux/amd64' });
  assert.equal(amd.digest, images.list!.platforms['linux/amd64']);
  await rejects(r.resolve({ registry: plain.host, repository: 'team/app', reference: '1.0', platform: 'linux/s390x' }), 'not-found', /has no linux\/s390x image \(it has linux\/amd64, linux\/arm64\)/);
});

test('a missing tag says so in the user’s words', async () => {
  await rejects(createDigestResolver().resolve({ registry: plain.host, repository: 'team/app', reference: '1.99' }), 'not-found', new RegExp(`^tag 1.99 not found in ${plain.host}/team/app$`));
});

test('htpasswd Basic: right, wrong and missing credentials', async () => {
  const reg = await startRegistry({ htpasswd: { user: 'alice', password: 's3cret' } });
  try {
    const auth = { Authorization: `Basic ${Buffer.from('alice:s3cret').toString('base64')}` };
    const pushed = await pushImage({ base: reg.base, headers: auth }, 'private/app', '1', 'oci-index');
    const good = resolverWith(dockerEnv({ auths: { [reg.host]: { auth: Buffer.from('alice:s3cret').toString('base64') } } }));
    assert.equal((await good.resolve({ registry: reg.host, repository: 'private/app', reference: '1' })).digest, pushed.digest);
    const userPass = resolverWith(dockerEnv({ auths: { [`http://${reg.host}`]: { username: 'alice', password: 's3cret' } } }));
    assert.equal((await userPass.resolve({ registry: reg.host, repository: 'private/app', reference: '1' })).digest, pushed.digest);
    const wrong = resolverWith(dockerEnv({ auths: { [reg.host]: { auth: Buffer.from('alice:nope').toString('base64') } } }));
    await rejects(wrong.resolve({ registry: reg.host, repository: 'private/app', reference: '1' }), 'unauthorized', /refused the credentials/);
    const none = resolverWith(dockerEnv({}));
    await rejects(none.resolve({ registry: reg.host, repository: 'private/app', reference: '1' }), 'no-credentials', new RegExp(`${reg.host} needs credentials; none found in docker config`));
  } finally {
    await reg.stop();
  }
});

test('Bearer token auth: a token server signing RS256 JWTs the registry trusts; credentials from a credential helper', async () => {
  const cert = selfSigned();
  const tokens: TokenServer = await startTokenServer(cert, { bob: 'hunter2' });
  const reg = await startRegistry({ token: { realm: tokens.realm, service: tokens.service, issuer: tokens.issuer, cert } });
  try {
    // Push with a push token obtained as bob.
    const basic = `Basic ${Buffer.from('bob:hunter2').toString('base64')}`;
    const tokenFor = async (scope: string) => ((await (await fetch(`${tokens.realm}?service=${tokens.service}&scope=${scope}`, { headers: { Authorization: basic } })).json()) as { token: string }).token;
    const pushToken = await tokenFor('repository:secure/app:pull,push');
    const pushed = await pushImage({ base: reg.base, headers: { Authorization: `Bearer ${pushToken}` } }, 'secure/app', '5', 'docker-list');
    // A credential helper on PATH answers with bob's password.
    const bin = mkdtempSync(join(tmpdir(), 'pod-lens-helper-'));
    const helper = join(bin, 'docker-credential-test');
    writeFileSync(helper, `#!/bin/sh\nread url\nif [ "$url" = "${reg.host}" ]; then echo '{"ServerURL":"'$url'","Username":"bob","Secret":"hunter2"}'; else echo "credentials not found in native keychain"; exit 1; fi\n`);
    chmodSync(helper, 0o755);
    const viaHelper = resolverWith(dockerEnv({ credHelpers: { [reg.host]: 'test' } }, bin));
    assert.equal((await viaHelper.resolve({ registry: reg.host, repository: 'secure/app', reference: '5' })).digest, pushed.digest);
    assert.ok(tokens.requests.some((r) => r.scope === 'repository:secure/app:pull' && r.authenticated));
    // Anonymous is refused by this token server.
    await rejects(resolverWith(dockerEnv({})).resolve({ registry: reg.host, repository: 'secure/app', reference: '5' }), 'unauthorized', /refused the anonymous token request/);
    // A configured helper that is not installed gets a clear message.
    await rejects(resolverWith(dockerEnv({ credsStore: 'absent' })).resolve({ registry: reg.host, repository: 'secure/app', reference: '5' }), 'credential-helper', /docker-credential-absent is configured in docker config but not installed/);
  } finally {
    await reg.stop();
    await tokens.stop();
  }
});

test('TLS with a self-signed CA: trusted through the CA file setting, a TLS error naming the host otherwise', async () => {
  const cert = selfSigned();
  const reg = await startRegistry({ tls: cert });
  try {
    const pushed = await pushImage({ base: reg.base, ca: cert.cert }, 'tls/app', '1', 'oci-manifest');
    const withCa = createDigestResolver({ caFile: cert.certFile });
    assert.equal((await withCa.resolve({ registry: reg.host, repository: 'tls/app', reference: '1' })).digest, pushed.digest);
    // Reached by name (not loopback-by-IP rules): "localhost" is loopback too, so without the CA the https attempt
    // fails with a TLS error and the http fallback meets a TLS-only server.
    await assert.rejects(createDigestResolver().resolve({ registry: reg.host, repository: 'tls/app', reference: '1' }), (e: unknown) => e instanceof RegistryError && ['tls', 'bad-response'].includes(e.code));
    const insecure = createDigestResolver({ insecure: [reg.host] });
    assert.equal((await insecure.resolve({ registry: reg.host, repository: 'tls/app', reference: '1' })).digest, pushed.digest);
  } finally {
    await reg.stop();
  }
});

test('podman auth.json and REGISTRY_AUTH_FILE are read', async () => {
  const reg = await startRegistry({ htpasswd: { user: 'carol', password: 'pw' } });
  try {
    const auth = { Authorization: `Basic ${Buffer.from('carol:pw').toString('base64')}` };
    const pushed = await pushImage({ base: reg.base, headers: auth }, 'p/app', '1', 'oci-manifest');
    const dir = mkdtempSync(join(tmpdir(), 'pod-lens-podman-'));
    const file = join(dir, 'auth.json');
    writeFileSync(file, JSON.stringify({ auths: { [reg.host]: { auth: Buffer.from('carol:pw').toString('base64') } } }));
    const env = { HOME: dir, REGISTRY_AUTH_FILE: file, DOCKER_CONFIG: join(dir, 'none'), PATH: process.env.PATH };
    assert.equal((await resolverWith(env).resolve({ registry: reg.host, repository: 'p/app', reference: '1' })).digest, pushed.digest);
  } finally {
    await reg.stop();
  }
});

test('an untrusted workspace makes no call at all', async () => {
  const r = createDigestResolver({ isTrusted: () => false });
  await rejects(r.resolve({ registry: plain.host, repository: 'team/app', reference: '1.0' }), 'untrusted-workspace', /not trusted/);
});
