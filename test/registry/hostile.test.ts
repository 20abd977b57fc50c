/**
 * Issue 17, registry and credentials: every case from the hostile registry (test/support/hostile-registry.ts, a fault
 * injector on loopback) driven through the built CLI (`pod-lens resolve`) and the built language server ("Pin to
 * digest" resolved through a real JSON-RPC client), with what each request carried checked afterwards: a digest that
 * is not a digest never reaches an edit, a secret never reaches another origin or plain HTTP, nothing unbounded is read.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliAsync } from '../support/cli-async';
import { digestOf, ENDLESS_BYTES, hostileCert, MANIFEST, startConnectProxy, startHostileRegistry, type ConnectProxy, type Hostile, type HostileCert, type HostileRequest } from '../support/hostile-registry';
import { isolatedEnv, withServer } from '../support/lsp-client';

let cert: HostileCert;
let hostile: Hostile;
let elsewhere: Hostile;
let proxy: ConnectProxy;

before(async () => {
  cert = hostileCert();
  hostile = await startHostileRegistry(cert);
  elsewhere = await startHostileRegistry(cert);
  hostile.elsewhere = elsewhere.base;
  proxy = await startConnectProxy({ 'reg.hostile.test': hostile.port, 'auth.hostile.test': hostile.port });
});
after(async () => {
  await proxy.stop();
  await hostile.stop();
  await elsewhere.stop();
});

const SECRET = 'pw-S3CRET-never-leaves';
const REFRESH = 'refresh-S3CRET-never-leaves';
const basicAuth = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');

/** A home with a docker config (and credential helpers on PATH): the environment of one run. */
function homeWith(config: unknown, helpers: Record<string, string> = {}): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-hostile-home-'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  for (const [name, script] of Object.entries(helpers)) {
    const file = join(dir, `docker-credential-${name}`);
    writeFileSync(file, `#!/bin/sh\n${script}\n`);
    chmodSync(file, 0o755);
  }
  const env: NodeJS.ProcessEnv = { ...isolatedEnv(), DOCKER_CONFIG: dir, HOME: dir, PATH: `${dir}:${process.env.PATH}` };
  delete env.HTTPS_PROXY;
  delete env.HTTP_PROXY;
  delete env.https_proxy;
  delete env.http_proxy;
  return env;
}

interface Case {
  name: string;
  image: () => string;
  docker?: () => unknown;
  helpers?: Record<string, string>;
  insecure?: () => string[];
  proxy?: boolean;
  platform?: string;
  expect: { digest: string } | { error: RegExp };
  /** Checked on the requests each run made (to the hostile registry and to the other origin). */
  never?: (own: HostileRequest[], other: HostileRequest[], streamed: number) => void;
  /**
   * A bound that only a hang or an unbounded read would cross (the machine may be loaded: it is generous; the messages
   * are what tell a cap from a timeout, which would say "did not answer within 10 s").
   */
  seconds?: number;
}

const noAuthOverPlainHttp = (own: HostileRequest[]) => assert.deepEqual(own.filter((r) => !r.tls && r.authorization).map((r) => `${r.method} ${r.path}`), [], 'credentials went over plain HTTP');
const secretNowhere = (own: HostileRequest[], other: HostileRequest[]) => {
  for (const r of other) assert.ok(!r.authorization && !r.body.includes(SECRET) && !r.body.includes(REFRESH), `the other origin got ${r.method} ${r.path} with ${r.authorization ? 'Authorization' : 'a secret body'}`);
  noAuthOverPlainHttp(own);
};

/** The client hung up long before the 64 MiB an "endless" body offers (what sits in socket buffers is a few MiB). */
const readStopped = (_own: HostileRequest[], _other: HostileRequest[], streamed: number) => assert.ok(streamed < ENDLESS_BYTES / 2, `${(streamed / 2 ** 20).toFixed(0)} MiB were sent`);

const CASES: Case[] = [
  { name: 'a correct sha256 (control)', image: () => `${hostile.host}/good/app:1`, expect: { digest: digestOf(MANIFEST) } },
  { name: 'YAML in Docker-Content-Digest (flow-style injection)', image: () => `${hostile.host}/flowinject/app:v1`, expect: { error: /Docker-Content-Digest .* that is not a digest \("sha512:e+…"\); not pinning/ } },
  { name: 'a quote and a comment in Docker-Content-Digest', image: () => `${hostile.host}/quoteinject/app:v1`, expect: { error: /not a digest \("x\\" # injected"\)/ } },
  { name: 'uppercase hex', image: () => `${hostile.host}/uppercase/app:v1`, expect: { error: /not a digest/ } },
  { name: 'a digest one character short', image: () => `${hostile.host}/shortdigest/app:v1`, expect: { error: /not a digest/ } },
  { name: 'a well-formed sha512 of other bytes', image: () => `${hostile.host}/wrongsha512/app:v1`, expect: { error: /bytes do not match its Docker-Content-Digest sha512:/ } },
  { name: 'a correct sha512 is verified and pinned', image: () => `${hostile.host}/sha512/app:v1`, expect: { digest: digestOf(MANIFEST, 'sha512') } },
  { name: 'a correct sha384 is verified and pinned', image: () => `${hostile.host}/sha384/app:v1`, expect: { digest: digestOf(MANIFEST, 'sha384') } },
  { name: 'HEAD answers YAML: GET’s checked bytes decide', image: () => `${hostile.host}/headinject/app:v1`, expect: { digest: digestOf(MANIFEST) } },
  {
    name: 'an index child whose digest is a path is not requested',
    image: () => `${hostile.host}/evilchild/app:1`,
    platform: 'linux/amd64',
    expect: { error: /linux\/amd64 entry has an invalid digest \("\.\.\/\.\.\/\.\.\/\.\.\/v2\/evil\/manifests\/x"\); not following it/ },
    never: (own) => assert.ok(own.every((r) => !r.path.includes('evil/manifests') && !r.path.includes('..')), own.map((r) => r.path).join(', ')),
  },
  { name: 'an index that is not JSON', image: () => `${hostile.host}/badindex/app:1`, platform: 'linux/amd64', expect: { error: /sent an index for .*badindex\/app:1 that is not valid JSON/ } },
  { name: 'JSON that is not an index', image: () => `${hostile.host}/notindex/app:1`, platform: 'linux/amd64', expect: { error: /without a "manifests" list/ } },
  { name: 'an endless manifest stops at 4 MiB', image: () => `${hostile.host}/huge/app:1`, expect: { error: /larger than 4 MiB \(the limit registries use\)/ }, never: readStopped },
  { name: 'a manifest announced as 1 GiB is refused at once', image: () => `${hostile.host}/hugedeclared/app:1`, expect: { error: /larger than 4 MiB/ }, never: readStopped },
  { name: '429 says rate-limited', image: () => `${hostile.host}/ratelimited/app:1`, expect: { error: /rate-limited by 127\.0\.0\.1:\d+ \(429 Too Many Requests\) asking for .*ratelimited\/app:1; retry after a while/ } },
  { name: '500 says it is the registry’s fault', image: () => `${hostile.host}/servererror/app:1`, expect: { error: /answered 500 Internal Server Error \(a fault on the registry’s side; try again later\) for .*servererror\/app:1/ } },
  {
    name: 'a token POST (refresh token) redirected to another origin is refused',
    image: () => `${hostile.host}/tokenredirect/app:1`,
    docker: () => ({ auths: { [hostile.host]: { identitytoken: REFRESH } } }),
    expect: { error: /redirected a request carrying credentials to 127\.0\.0\.1:\d+, another origin; not re-sending them there/ },
    never: (own, other) => {
      assert.deepEqual(other, [], 'the other origin got no request at all');
      secretNowhere(own, other);
    },
  },
  {
    name: 'a token GET with Basic credentials redirected to another origin goes without them',
    image: () => `${hostile.host}/tokenredirect/app:1`,
    docker: () => ({ auths: { [hostile.host]: { auth: basicAuth('u', SECRET) } } }),
    expect: { digest: digestOf(MANIFEST) },
    never: (own, other) => {
      assert.ok(other.length > 0, 'the redirect was followed');
      secretNowhere(own, other);
    },
  },
  { name: 'an endless token answer stops at 1 MiB', image: () => `${hostile.host}/tokenhuge/app:1`, expect: { error: /token endpoint 127\.0\.0\.1:\d+ sent an answer larger than 1 MiB/ }, never: readStopped },
  { name: 'a token answer that is not JSON', image: () => `${hostile.host}/tokennotjson/app:1`, expect: { error: /token endpoint 127\.0\.0\.1:\d+ answered with something that is not JSON/ } },
  {
    name: 'HTTPS → HTTP on the same (loopback) host drops the credentials',
    image: () => `${hostile.host}/downgrade/app:1`,
    docker: () => ({ auths: { [hostile.host]: { auth: basicAuth('u', SECRET) } } }),
    expect: { digest: digestOf(MANIFEST) },
    never: (own) => {
      assert.ok(own.some((r) => !r.tls), 'the redirect to plain HTTP was followed');
      noAuthOverPlainHttp(own);
    },
  },
  {
    name: 'HTTPS → HTTP on the same host keeps credentials only when the user marked the host insecure',
    image: () => `${hostile.host}/downgrade/app:1`,
    docker: () => ({ auths: { [hostile.host]: { auth: basicAuth('u', SECRET) } } }),
    insecure: () => [hostile.host],
    expect: { digest: digestOf(MANIFEST) },
    never: (own) => assert.ok(own.some((r) => !r.tls && r.authorization), 'marked insecure: the credentials follow the downgrade'),
  },
  {
    name: 'HTTPS → HTTP on a remote host is refused',
    image: () => 'reg.hostile.test/downgrade/app:1',
    docker: () => ({ auths: { 'reg.hostile.test': { auth: basicAuth('u', SECRET) } } }),
    proxy: true,
    expect: { error: /reg\.hostile\.test redirected from HTTPS to plain HTTP \(reg\.hostile\.test\); refusing/ },
    never: (own) => {
      assert.ok(own.some((r) => r.tls && r.host === 'reg.hostile.test'), 'the registry was reached through the proxy');
      assert.deepEqual(own.filter((r) => !r.tls), [], 'nothing went over plain HTTP');
    },
  },
  {
    name: 'a token endpoint redirecting HTTPS → HTTP (loopback) gets no credentials over HTTP',
    image: () => `${hostile.host}/tokendowngrade/app:1`,
    docker: () => ({ auths: { [hostile.host]: { auth: basicAuth('u', SECRET) } } }),
    expect: { digest: digestOf(MANIFEST) },
    never: (own) => {
      assert.ok(own.some((r) => !r.tls && r.path.startsWith('/token/')), 'the token redirect was followed');
      noAuthOverPlainHttp(own);
    },
  },
  {
    name: 'an http:// token realm on a remote host never gets credentials, though the registry is on loopback',
    image: () => `${hostile.host}/remoterealm/app:1`,
    docker: () => ({ auths: { [hostile.host]: { auth: basicAuth('u', SECRET) } } }),
    proxy: true,
    expect: { error: /refusing to send credentials to auth\.hostile\.test over plain HTTP/ },
    never: (own) => assert.deepEqual(own.filter((r) => r.host.startsWith('auth.hostile.test')), [], 'the remote realm was not asked at all'),
  },
  {
    name: 'a credential helper that prints for ever is stopped',
    image: () => `${hostile.host}/basic/app:1`,
    docker: () => ({ credHelpers: { [hostile.host]: 'endless' } }),
    helpers: { endless: 'yes \'{"Username":"u","Secret":"s"}\' | head -c 67108864' },
    expect: { error: /credential helper docker-credential-endless printed more than 64 KiB; stopped it/ },
  },
  {
    name: 'a credential helper that answers but leaves a process holding its output is not waited for',
    image: () => `${hostile.host}/basic/app:1`,
    docker: () => ({ credHelpers: { [hostile.host]: 'lingering' } }),
    helpers: { lingering: `echo '{"Username":"u","Secret":"${SECRET}"}'; sleep 120 &` },
    expect: { digest: digestOf(MANIFEST) },
    never: (own) => assert.ok(own.some((r) => r.authorization === `Basic ${basicAuth('u', SECRET)}`), 'the helper’s answer was used'),
    seconds: 9,
  },
  {
    name: 'a credential helper that hangs is given up on after 10 s, and nothing waits for it',
    image: () => `${hostile.host}/basic/app:1`,
    docker: () => ({ credHelpers: { [hostile.host]: 'hang' } }),
    // The shell dies on SIGTERM but `sleep` would keep the pipes open: only killing the process group ends it.
    helpers: { hang: 'sleep 120' },
    expect: { error: /credential helper docker-credential-hang did not answer within 10 s/ },
    seconds: 30,
  },
];

function settingsFor(c: Case): Record<string, unknown> {
  return { registry: { caFile: cert.certFile, insecure: c.insecure?.() ?? [] }, pin: { platform: c.platform ?? '' } };
}

async function check(c: Case, run: () => Promise<{ digest?: string; error?: string }>): Promise<void> {
  const ownBefore = hostile.requests.length;
  const otherBefore = elsewhere.requests.length;
  const streamedBefore = hostile.streamed;
  const started = Date.now();
  const outcome = await run();
  const seconds = (Date.now() - started) / 1000;
  if ('digest' in c.expect) assert.equal(outcome.digest, c.expect.digest, outcome.error);
  else {
    assert.equal(outcome.digest, undefined, `pinned ${outcome.digest}`);
    assert.match(outcome.error ?? '', c.expect.error);
  }
  for (const secret of [SECRET, REFRESH]) assert.ok(!(outcome.error ?? '').includes(secret), 'a secret in a message');
  assert.ok(seconds < (c.seconds ?? 20), `took ${seconds.toFixed(1)} s`);
  c.never?.(hostile.requests.slice(ownBefore), elsewhere.requests.slice(otherBefore), hostile.streamed - streamedBefore);
}

for (const c of CASES) {
  test(`CLI: ${c.name}`, async () => {
    const env = homeWith(c.docker?.() ?? {}, c.helpers);
    env.POD_LENS_CA_FILE = cert.certFile;
    if (c.insecure) env.POD_LENS_INSECURE_REGISTRIES = c.insecure().join(',');
    if (c.proxy) env.HTTPS_PROXY = env.HTTP_PROXY = proxy.url;
    await check(c, async () => {
      const r = await runCliAsync(['resolve', c.image(), ...(c.platform ? ['--platform', c.platform] : [])], { env });
      if (r.status === 0) return { digest: r.stdout.trim() };
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.stdout, '');
      return { error: r.stderr };
    });
  });

  test(`LSP: ${c.name}`, async () => {
    const env = homeWith(c.docker?.() ?? {}, c.helpers);
    await withServer({ env, settings: settingsFor(c), initializationOptions: c.proxy ? { httpProxy: proxy.url } : {} }, async (client) => {
      const uri = 'file:///hostile/pod.yaml';
      const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - {name: a, image: ${c.image()}}\n`;
      await client.open(uri, text);
      await check(c, async () => {
        const pin = (await client.codeActions(uri, client.positionOf(uri, c.image(), 2))).find((a) => a.title === 'Pin to digest');
        assert.ok(pin, 'Pin to digest is offered');
        try {
          const resolved = await client.resolve(pin);
          const newText = resolved.edit?.changes?.[uri]?.[0]?.newText ?? '';
          return { digest: /@(.*)$/.exec(newText)?.[1] };
        } catch (error) {
          return { error: error instanceof Error ? error.message : String(error) };
        }
      });
      for (const secret of [SECRET, REFRESH]) assert.ok(!client.logs.join('\n').includes(secret) && !client.stderr.includes(secret), 'a secret in the logs');
    });
  });
}
