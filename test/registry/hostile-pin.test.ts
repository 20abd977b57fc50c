/**
 * Issue 17 through whole features, against the hostile registry (test/support/hostile-registry.ts): `pod-lens pin` and
 * "Pin all" on a flow-style manifest, mirrors and the credentials they may get, credentials in a mirror URL, online
 * digest checks that ask again after the TTL and on a settings change, and the settings a workspace cannot set.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { runCliAsync } from '../support/cli-async';
import { until } from '../support/free-port';
import { digestOf, hostileCert, MANIFEST, movingDigest, startHostileRegistry, type Hostile, type HostileCert } from '../support/hostile-registry';
import { isolatedEnv, withServer } from '../support/lsp-client';

let cert: HostileCert;
let hostile: Hostile;

before(async () => {
  cert = hostileCert();
  hostile = await startHostileRegistry(cert);
});
after(async () => hostile.stop());

function homeWith(config: unknown): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-hostile-home-'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  return { ...isolatedEnv(), DOCKER_CONFIG: dir, HOME: dir, POD_LENS_CA_FILE: cert.certFile };
}

/** The manifest of issue 17: images in flow style, one double-quoted, the last one from an honest sha512 registry. */
function manifest(): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - {name: a, image: ${hostile.host}/flowinject:v1}
  - {name: b, image: "${hostile.host}/quoteinject/app:v1"}
  - {name: c, image: ${hostile.host}/uppercase/app:v1}
  - {name: d, image: ${hostile.host}/sha512/app:v1}
`;
}

function pinnedSha512(text: string): string {
  return text.replace(`${hostile.host}/sha512/app:v1}`, `${hostile.host}/sha512/app:v1@${digestOf(MANIFEST, 'sha512')}}`);
}

/** Every container of the file, as parsed: only images may differ from the original. */
function containers(text: string): unknown {
  return parseAllDocuments(text).map((d) => (d.toJS() as { spec: { containers: unknown } }).spec.containers);
}

test('pod-lens pin: a hostile Docker-Content-Digest never reaches the file; the honest sha512 is pinned', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-hostile-pin-'));
  const file = join(dir, 'pod.yaml');
  const text = manifest();
  writeFileSync(file, text);
  const r = await runCliAsync(['pin', file], { env: homeWith({}) });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /flowinject:v1: .*not a digest/);
  assert.match(r.stderr, /quoteinject\/app:v1: .*not a digest \("x\\" # injected"\)/);
  assert.match(r.stderr, /uppercase\/app:v1: .*not a digest/);
  const after = readFileSync(file, 'utf8');
  assert.equal(after, pinnedSha512(text));
  assert.ok(!after.includes('privileged') && !after.includes('injected') && !after.includes('curl'));
  const check = await runCliAsync(['check', file, '--format', 'json'], { env: homeWith({}) });
  const findings = (JSON.parse(check.stdout) as { files: Array<{ findings: Array<{ rule: string; severity: string }> }> }).files[0]!.findings;
  assert.deepEqual(findings.filter((f) => f.severity === 'error' || f.rule.startsWith('image-')).map((f) => f.rule).filter((r) => r !== 'image-tag-mutable'), []);
});

test('"Pin all" and "Pin to digest": the same hostile answers make no edit; only the verified sha512 is written', async () => {
  await withServer({ env: homeWith({}), settings: { registry: { caFile: cert.certFile } } }, async (client) => {
    const uri = 'file:///hostile/pin-all.yaml';
    const text = manifest();
    await client.open(uri, text);
    for (const image of [`${hostile.host}/flowinject:v1`, `${hostile.host}/quoteinject/app:v1`]) {
      const pin = (await client.codeActions(uri, client.positionOf(uri, image, 2))).find((a) => a.title === 'Pin to digest');
      await assert.rejects(client.resolve(pin!), /not a digest/);
    }
    const result = (await client.executeCommand('podLens.server.pinAllImages', [uri])) as { pinned: string[]; failed: Array<{ image: string; message: string }>; applied: boolean };
    assert.deepEqual(result.pinned, [`${hostile.host}/sha512/app:v1`]);
    assert.deepEqual(result.failed.map((f) => f.image).sort(), [`${hostile.host}/flowinject:v1`, `${hostile.host}/quoteinject/app:v1`, `${hostile.host}/uppercase/app:v1`].sort());
    for (const f of result.failed) assert.match(f.message, /not a digest/);
    assert.equal(client.text(uri), pinnedSha512(text));
    assert.deepEqual(containers(client.text(uri)), (containers(text) as Array<Array<Record<string, string>>>).map((cs) => cs.map((c) => (c.name === 'd' ? { ...c, image: `${c.image}@${digestOf(MANIFEST, 'sha512')}` } : c))));
  });
});

test('a mirror never gets the mirrored registry’s credentials: not on a pin, not on an online check', async () => {
  const hub = { 'https://index.docker.io/v1/': { auth: Buffer.from('hub-user:HUB-S3CRET').toString('base64') } };
  const mirrors = { 'docker.io': hostile.base };
  await withServer({ env: homeWith({ auths: hub }), settings: { registry: { mirrors, onlineChecks: true } } }, async (client) => {
    const before = hostile.requests.length;
    // Opening a pinned image is enough for an online check: no click.
    const uri = 'file:///hostile/mirror.yaml';
    await client.open(uri, `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27@sha256:${'0'.repeat(64)}\n  - name: b\n    image: busybox:1.36\n`);
    await client.log(/online check of nginx:1\.27 failed: .*docker\.io needs credentials; none found in docker config for 127\.0\.0\.1:\d+/);
    const pin = (await client.codeActions(uri, client.positionOf(uri, 'busybox', 2))).find((a) => a.title === 'Pin to digest');
    await assert.rejects(client.resolve(pin!), /docker\.io needs credentials; none found in docker config for 127\.0\.0\.1:\d+/);
    const seen = hostile.requests.slice(before);
    assert.ok(seen.some((r) => r.path.startsWith('/v2/library/nginx/')) && seen.some((r) => r.path.startsWith('/v2/library/busybox/')));
    assert.deepEqual(seen.filter((r) => r.authorization), [], 'the mirror got Docker Hub’s credentials');
  });
});

test('a mirror gets credentials only when the user’s own docker config names the mirror', async () => {
  const config = {
    auths: {
      'https://index.docker.io/v1/': { auth: Buffer.from('hub-user:HUB-S3CRET').toString('base64') },
      [hostile.host]: { auth: Buffer.from('mirror-user:mirror-pw').toString('base64') },
    },
  };
  await withServer({ env: homeWith(config), settings: { registry: { mirrors: { 'docker.io': hostile.base } } } }, async (client) => {
    const before = hostile.requests.length;
    const uri = 'file:///hostile/mirror-named.yaml';
    await client.open(uri, `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n`);
    const pin = (await client.codeActions(uri, client.positionOf(uri, 'nginx', 2))).find((a) => a.title === 'Pin to digest');
    const resolved = await client.resolve(pin!);
    assert.equal(resolved.edit?.changes?.[uri]?.[0]?.newText, `nginx:1.27@${digestOf(MANIFEST)}`);
    const sent = hostile.requests.slice(before).flatMap((r) => (r.authorization ? [Buffer.from(r.authorization.replace(/^Basic /, ''), 'base64').toString('utf8')] : []));
    assert.ok(sent.length > 0);
    assert.deepEqual([...new Set(sent)], ['mirror-user:mirror-pw']);
  });
});

test('a password inside a mirror URL is never sent, shown or logged', async () => {
  const mirror = `http://someone:MIRROR-PASSW0RD@${hostile.host}`;
  await withServer({ env: homeWith({}), settings: { registry: { mirrors: { 'docker.io': mirror }, onlineChecks: true } } }, async (client) => {
    const before = hostile.requests.length;
    const uri = 'file:///hostile/mirror-password.yaml';
    await client.open(uri, `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27@sha256:${'0'.repeat(64)}\n  - name: b\n    image: busybox:1.36\n`);
    const logged = await client.log(/online check of nginx:1\.27 failed/);
    const pin = (await client.codeActions(uri, client.positionOf(uri, 'busybox', 2))).find((a) => a.title === 'Pin to digest');
    let message = '';
    await assert.rejects(client.resolve(pin!), (e: Error) => ((message = e.message), true));
    assert.match(message, new RegExp(`has credentials in its URL \\(http://someone:\\*\\*\\*@${hostile.host.replace(/\./g, '\\.')}\\)`));
    for (const text of [message, logged, client.logs.join('\n'), client.stderr]) assert.ok(!text.includes('MIRROR-PASSW0RD'), text);
    assert.equal(hostile.requests.length, before, 'nothing was sent');
  });
});

test('online checks ask again after cacheTtlSeconds, without an edit, and at once when the settings change', async () => {
  await withServer({ env: homeWith({}), settings: { registry: { caFile: cert.certFile, onlineChecks: true, cacheTtlSeconds: 1 } } }, async (client) => {
    const uri = 'file:///hostile/moving.yaml';
    const stale = (d: { code?: string | number; message: string }) => d.code === 'image-digest-stale';
    const noteOf = async () => (await client.nextDiagnostics(uri, (p) => p.diagnostics.some(stale), 20_000)).find(stale)!.message;
    const first = noteOf();
    await client.open(uri, `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: ${hostile.host}/moving/app:1@sha256:${'0'.repeat(64)}\n`);
    const one = await first;
    // The tag moves at the registry; one TTL later the note follows, with no edit and no settings change.
    const two = await client.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => stale(d) && d.message !== one), 20_000);
    assert.notEqual(two.find(stale)!.message, one);

    // A long TTL: once the answers settle nothing is asked by itself; a settings change asks at once.
    const note = () => (client.latest.get(uri)?.diagnostics ?? []).find(stale)?.message ?? '';
    await client.setSettings({ registry: { caFile: cert.certFile, onlineChecks: true, cacheTtlSeconds: 3600 } });
    await until('the note to show the latest answer', 20_000, async () => (note().includes(movingDigest(hostile.moves)) ? true : undefined));
    const moves = hostile.moves;
    await client.setSettings({ registry: { caFile: cert.certFile, onlineChecks: true, cacheTtlSeconds: 3600, timeoutSeconds: 9 } });
    await until('a new answer after the settings change', 20_000, async () => (hostile.moves > moves && note().includes(movingDigest(hostile.moves)) ? true : undefined));
  });
});

test('an online check answered with YAML leaves no note and no fix', async () => {
  await withServer({ env: homeWith({}), settings: { registry: { caFile: cert.certFile, onlineChecks: true } } }, async (client) => {
    const uri = 'file:///hostile/online-inject.yaml';
    const diagnostics = await client.open(uri, `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - {name: a, image: ${hostile.host}/flowinject/app:v1@sha256:${'0'.repeat(64)}}\n`);
    await client.log(/online check of .*flowinject\/app:v1 failed: .*not a digest/);
    assert.ok(!diagnostics.some((d) => d.code === 'image-digest-stale'));
    assert.ok(!(client.latest.get(uri)?.diagnostics ?? []).some((d) => d.code === 'image-digest-stale'));
  });
});

test('the settings that decide where requests and credentials go cannot be set by a workspace (machine scope)', () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { scope?: string }> } } };
  const properties = pkg.contributes.configuration.properties;
  for (const key of ['podLens.registry.mirrors', 'podLens.registry.insecure', 'podLens.registry.caFile', 'podLens.registry.onlineChecks']) {
    assert.equal(properties[key]?.scope, 'machine', key);
  }
});
