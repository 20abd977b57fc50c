/**
 * Image references exactly as Kubernetes reads them: a table written from distribution/reference's grammar and
 * normalization (distribution/reference regexp.go, normalize.go), go-digest as Kubernetes links it, ParseImageName
 * (pkg/util/parsers) and SetDefaults_Container (pkg/apis/core/v1/defaults.go). Each row: input → parts and default pull policy, or the error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kubeletTag, parseImageReference } from '../../server/src/analysis/k8s/image-reference';
import { defaultPullPolicy, nearestPullPolicy } from '../../server/src/analysis/k8s/pull-policy';
import { pinImage } from '../../server/src/analysis/fixes/pin-image';

const H64 = 'a'.repeat(64);
const D256 = `sha256:${'0123456789abcdef'.repeat(4)}`;
const D384 = `sha384:${'0123456789abcdef'.repeat(6)}`;
const D512 = `sha512:${'0123456789abcdef'.repeat(8)}`;

type Ok = [input: string, registry: string, repository: string, tag: string | null, digest: string | null, policy: 'Always' | 'IfNotPresent'];
const VALID: Ok[] = [
  ['nginx', 'docker.io', 'library/nginx', null, null, 'Always'],
  ['nginx:latest', 'docker.io', 'library/nginx', 'latest', null, 'Always'],
  ['nginx:1.27', 'docker.io', 'library/nginx', '1.27', null, 'IfNotPresent'],
  ['nginx:1.27.3-alpine', 'docker.io', 'library/nginx', '1.27.3-alpine', null, 'IfNotPresent'],
  ['nginx:Latest', 'docker.io', 'library/nginx', 'Latest', null, 'IfNotPresent'],
  ['nginx:LATEST', 'docker.io', 'library/nginx', 'LATEST', null, 'IfNotPresent'],
  [`nginx@${D256}`, 'docker.io', 'library/nginx', null, D256, 'IfNotPresent'],
  [`nginx:latest@${D256}`, 'docker.io', 'library/nginx', 'latest', D256, 'Always'],
  [`nginx:1.27@${D256}`, 'docker.io', 'library/nginx', '1.27', D256, 'IfNotPresent'],
  [`nginx@${D384}`, 'docker.io', 'library/nginx', null, D384, 'IfNotPresent'],
  [`nginx@${D512}`, 'docker.io', 'library/nginx', null, D512, 'IfNotPresent'],
  ['docker.io/nginx', 'docker.io', 'library/nginx', null, null, 'Always'],
  ['docker.io/library/nginx:1', 'docker.io', 'library/nginx', '1', null, 'IfNotPresent'],
  ['index.docker.io/library/nginx', 'docker.io', 'library/nginx', null, null, 'Always'],
  ['index.docker.io/foo/bar:2', 'docker.io', 'foo/bar', '2', null, 'IfNotPresent'],
  ['library/nginx', 'docker.io', 'library/nginx', null, null, 'Always'],
  ['bitnami/redis:7.2', 'docker.io', 'bitnami/redis', '7.2', null, 'IfNotPresent'],
  ['a/b/c/d', 'docker.io', 'a/b/c/d', null, null, 'Always'],
  ['test.com:5000', 'docker.io', 'library/test.com', '5000', null, 'IfNotPresent'],
  ['192.168.0.1:80', 'docker.io', 'library/192.168.0.1', '80', null, 'IfNotPresent'],
  ['192.168.0.1', 'docker.io', 'library/192.168.0.1', null, null, 'Always'],
  ['test.com/foo', 'test.com', 'foo', null, null, 'Always'],
  ['test.com:5000/foo', 'test.com:5000', 'foo', null, null, 'Always'],
  ['test.com:5000/foo:bar', 'test.com:5000', 'foo', 'bar', null, 'IfNotPresent'],
  ['test.com:5000/foo/bar:latest', 'test.com:5000', 'foo/bar', 'latest', null, 'Always'],
  ['localhost/foo', 'localhost', 'foo', null, null, 'Always'],
  ['localhost:5000/foo', 'localhost:5000', 'foo', null, null, 'Always'],
  ['localhost:5000/foo:1', 'localhost:5000', 'foo', '1', null, 'IfNotPresent'],
  ['Localhost/nginx', 'Localhost', 'nginx', null, null, 'Always'],
  ['Foo/bar', 'Foo', 'bar', null, null, 'Always'],
  ['FOO.example.com/bar:1', 'FOO.example.com', 'bar', '1', null, 'IfNotPresent'],
  ['[::1]:5000/foo', '[::1]:5000', 'foo', null, null, 'Always'],
  ['[::1]/foo:1', '[::1]', 'foo', '1', null, 'IfNotPresent'],
  ['[2001:db8::1]:5000/team/app:1.0', '[2001:db8::1]:5000', 'team/app', '1.0', null, 'IfNotPresent'],
  ['10.0.0.1:5000/app', '10.0.0.1:5000', 'app', null, null, 'Always'],
  ['10.0.0.1/app', '10.0.0.1', 'app', null, null, 'Always'],
  ['registry.k8s.io/pause:3.10', 'registry.k8s.io', 'pause', '3.10', null, 'IfNotPresent'],
  ['gcr.io/google-containers/pause:3.1', 'gcr.io', 'google-containers/pause', '3.1', null, 'IfNotPresent'],
  ['quay.io/prometheus/node-exporter:v1.8.2', 'quay.io', 'prometheus/node-exporter', 'v1.8.2', null, 'IfNotPresent'],
  ['ghcr.io/org/repo/sub/image:sha-abc', 'ghcr.io', 'org/repo/sub/image', 'sha-abc', null, 'IfNotPresent'],
  ['my-registry.local:443/a_b/c__d/e-f/g.h:tag', 'my-registry.local:443', 'a_b/c__d/e-f/g.h', 'tag', null, 'IfNotPresent'],
  ['a--b', 'docker.io', 'library/a--b', null, null, 'Always'],
  ['a---b', 'docker.io', 'library/a---b', null, null, 'Always'],
  ['a__b', 'docker.io', 'library/a__b', null, null, 'Always'],
  ['a.b.c', 'docker.io', 'library/a.b.c', null, null, 'Always'],
  ['a_b', 'docker.io', 'library/a_b', null, null, 'Always'],
  ['0', 'docker.io', 'library/0', null, null, 'Always'],
  ['nginx:_underscore', 'docker.io', 'library/nginx', '_underscore', null, 'IfNotPresent'],
  ['nginx:1.0-rc.1_build', 'docker.io', 'library/nginx', '1.0-rc.1_build', null, 'IfNotPresent'],
  [`nginx:${'t'.repeat(128)}`, 'docker.io', 'library/nginx', 't'.repeat(128), null, 'IfNotPresent'],
  ['a-b.example.com/x', 'a-b.example.com', 'x', null, null, 'Always'],
  ['sub.domain.example.com:65535/x/y', 'sub.domain.example.com:65535', 'x/y', null, null, 'Always'],
  ['example.com:99999/x', 'example.com:99999', 'x', null, null, 'Always'],
  [`${'d'.repeat(100)}.com/${'p'.repeat(255)}`, `${'d'.repeat(100)}.com`, 'p'.repeat(255), null, null, 'Always'],
  [`${'p'.repeat(247)}`, 'docker.io', `library/${'p'.repeat(247)}`, null, null, 'Always'],
  [`registry.example.com/team/app@${D256}`, 'registry.example.com', 'team/app', null, D256, 'IfNotPresent'],
  [`registry.example.com:5000/team/app:latest@${D512}`, 'registry.example.com:5000', 'team/app', 'latest', D512, 'Always'],
  ['busybox:1.36', 'docker.io', 'library/busybox', '1.36', null, 'IfNotPresent'],
  ['alpine:3', 'docker.io', 'library/alpine', '3', null, 'IfNotPresent'],
  ['redis', 'docker.io', 'library/redis', null, null, 'Always'],
  ['fluent/fluent-bit:3.1', 'docker.io', 'fluent/fluent-bit', '3.1', null, 'IfNotPresent'],
  ['k8s.gcr.io/echoserver:1.4', 'k8s.gcr.io', 'echoserver', '1.4', null, 'IfNotPresent'],
  ['us-docker.pkg.dev/project/repo/img:v1', 'us-docker.pkg.dev', 'project/repo/img', 'v1', null, 'IfNotPresent'],
  ['123456789012.dkr.ecr.us-east-1.amazonaws.com/app:prod', '123456789012.dkr.ecr.us-east-1.amazonaws.com', 'app', 'prod', null, 'IfNotPresent'],
  ['myacr.azurecr.io/samples/nginx', 'myacr.azurecr.io', 'samples/nginx', null, null, 'Always'],
  ['localhost:5000/a/b/c:d', 'localhost:5000', 'a/b/c', 'd', null, 'IfNotPresent'],
  ['LOCALHOST:5000/x', 'LOCALHOST:5000', 'x', null, null, 'Always'],
  ['xn--bcher-kva.example/x', 'xn--bcher-kva.example', 'x', null, null, 'Always'],
  ['docker.io/bitnami/redis', 'docker.io', 'bitnami/redis', null, null, 'Always'],
  [`nginx@sha256:${'0'.repeat(64)}`, 'docker.io', 'library/nginx', null, `sha256:${'0'.repeat(64)}`, 'IfNotPresent'],
];

type Err = [input: string, message: string, kind: string, bad?: string];
const INVALID: Err[] = [
  ['', 'invalid reference format', 'empty'],
  [':', 'invalid reference format', 'format'],
  ['nginx:', 'invalid reference format', 'format', ':'],
  [':tag', 'invalid reference format', 'format'],
  ['@sha256:abc', 'invalid reference format', 'format'],
  ['nginx@', 'invalid reference format', 'format', '@'],
  ['Nginx', 'invalid reference format: repository name (library/Nginx) must be lowercase', 'lowercase', 'Nginx'],
  ['MyApp:1.0', 'invalid reference format: repository name (library/MyApp) must be lowercase', 'lowercase', 'MyApp'],
  ['docker.io/Nginx', 'invalid reference format: repository name (library/Nginx) must be lowercase', 'lowercase', 'Nginx'],
  ['registry.example.com/Team/app', 'invalid reference format: repository name (Team/app) must be lowercase', 'lowercase', 'Team/app'],
  ['example.com/UPPER:1', 'invalid reference format: repository name (UPPER) must be lowercase', 'lowercase', 'UPPER'],
  ['foo/Bar', 'invalid reference format: repository name (foo/Bar) must be lowercase', 'lowercase', 'foo/Bar'],
  [H64, `invalid repository name (${H64}), cannot specify 64-byte hexadecimal strings`, 'hex-name'],
  ['-a', 'invalid reference format', 'format', '-a'],
  ['a-', 'invalid reference format', 'format', 'a-'],
  ['a___b', 'invalid reference format', 'format', 'a___b'],
  ['a._b', 'invalid reference format', 'format', 'a._b'],
  ['a-.b', 'invalid reference format', 'format', 'a-.b'],
  ['a..b', 'invalid reference format', 'format', 'a..b'],
  ['.a', 'invalid reference format', 'format', '.a'],
  ['a/', 'invalid reference format', 'format'],
  ['a//b', 'invalid reference format', 'format'],
  ['/a', 'invalid reference format', 'format'],
  ['a b', 'invalid reference format', 'format'],
  [' nginx', 'invalid reference format', 'format', ' '],
  ['nginx ', 'invalid reference format', 'format', ' '],
  ['nginx\t', 'invalid reference format', 'format', '\t'],
  ['<image_url>', 'invalid reference format', 'format', '<image_url>'],
  // The lowercase check runs before the grammar, so a placeholder with capitals reports case (normalize.go).
  ['<YOUR-CONTAINER>', 'invalid reference format: repository name (library/<YOUR-CONTAINER>) must be lowercase', 'lowercase'],
  ['nginx:-tag', 'invalid reference format', 'format', '-tag'],
  ['nginx:.tag', 'invalid reference format', 'format', '.tag'],
  ['nginx:ta g', 'invalid reference format', 'format'],
  ['nginx:tag!', 'invalid reference format', 'format', 'tag!'],
  [`nginx:${'t'.repeat(129)}`, 'invalid reference format', 'format', 't'.repeat(129)],
  ['nginx:1:2', 'invalid reference format', 'format'],
  ['::1/foo', 'invalid reference format', 'format'],
  ['2001:db8::1/foo', 'invalid reference format', 'format'],
  ['[fe80::1%eth0]:5000/foo', 'invalid reference format', 'format'],
  ['-registry.com/foo', 'invalid reference format', 'format'],
  ['registry-.com/foo', 'invalid reference format', 'format'],
  ['registry.com:port/foo', 'invalid reference format', 'format'],
  ['registry.com:/foo', 'invalid reference format', 'format'],
  ['nginx@sha256', 'invalid reference format', 'format'],
  ['nginx@sha256:', 'invalid reference format', 'format'],
  ['nginx@sha256:abc', 'invalid reference format', 'format'],
  [`nginx@sha256:${'a'.repeat(31)}`, 'invalid reference format', 'format'],
  [`nginx@sha256:${'a'.repeat(32)}`, 'invalid checksum digest length', 'digest', `sha256:${'a'.repeat(32)}`],
  [`nginx@sha256:${'a'.repeat(63)}`, 'invalid checksum digest length', 'digest'],
  [`nginx@sha256:${'a'.repeat(65)}`, 'invalid checksum digest length', 'digest'],
  [`nginx@sha256:${'A'.repeat(64)}`, 'invalid checksum digest format', 'digest'],
  [`nginx@sha384:${'a'.repeat(64)}`, 'invalid checksum digest length', 'digest'],
  [`nginx@sha512:${'a'.repeat(96)}`, 'invalid checksum digest length', 'digest'],
  [`nginx@md5:${'a'.repeat(32)}`, 'unsupported digest algorithm', 'digest'],
  [`nginx@sha1:${'a'.repeat(40)}`, 'unsupported digest algorithm', 'digest'],
  [`nginx@blake3:${'a'.repeat(64)}`, 'unsupported digest algorithm', 'digest'],
  // The remote name is cut at the first ':', so an upper-case algorithm trips the lowercase check first.
  [`nginx@SHA256:${'a'.repeat(64)}`, 'invalid reference format: repository name (library/nginx@SHA256) must be lowercase', 'lowercase'],
  [`nginx@sha256+b64:${'a'.repeat(64)}`, 'unsupported digest algorithm', 'digest'],
  [`nginx@sha256:${'g'.repeat(64)}`, 'invalid reference format', 'format'],
  [`${'p'.repeat(248)}`, 'repository name must not be more than 255 characters', 'length'],
  [`example.com/${'p'.repeat(256)}`, 'repository name must not be more than 255 characters', 'length'],
  ['nginx@latest', 'invalid reference format', 'format'],
  ['http://example.com/foo', 'invalid reference format', 'format'],
];

for (const [input, registry, repository, tag, digest, policy] of VALID) {
  test(`valid ${JSON.stringify(input.length > 60 ? `${input.slice(0, 60)}…` : input)}`, () => {
    const r = parseImageReference(input);
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    assert.deepEqual([r.ref.registry, r.ref.repository, r.ref.tag, r.ref.digest], [registry, repository, tag, digest]);
    assert.equal(r.ref.fullName, `${registry}/${repository}`);
    assert.equal(defaultPullPolicy(input).policy, policy);
    // ParseImageName: "latest" only when there is neither tag nor digest.
    assert.equal(kubeletTag(r.ref), tag ?? (digest ? '' : 'latest'));
  });
}

for (const [input, message, kind, bad] of INVALID) {
  test(`invalid ${JSON.stringify(input.length > 60 ? `${input.slice(0, 60)}…` : input)}: ${message}`, () => {
    const r = parseImageReference(input);
    assert.ok(!r.ok, 'parsed but should not');
    assert.equal(r.error.message, message);
    assert.equal(r.error.kind, kind);
    assert.equal(r.error.kubeletMessage, `couldn't parse image name ${JSON.stringify(input)}: ${message}`);
    if (bad !== undefined) assert.equal(input.slice(r.error.span.start, r.error.span.end), bad);
    assert.ok(r.error.span.start >= 0 && r.error.span.end <= input.length);
    // SetDefaults_Container ignores the parse error: IfNotPresent.
    assert.equal(defaultPullPolicy(input).policy, 'IfNotPresent');
  });
}

test('FamiliarName strips docker.io/ and library/ only where distribution does', () => {
  const f = (s: string) => (parseImageReference(s) as { ok: true; ref: { familiarName: string } }).ref.familiarName;
  assert.equal(f('docker.io/library/nginx'), 'nginx');
  assert.equal(f('bitnami/redis'), 'bitnami/redis');
  assert.equal(f('localhost:5000/foo'), 'localhost:5000/foo');
});

test('spans of the parts point into the raw text', () => {
  const r = parseImageReference(`registry.example.com:5000/team/app:1.0@${D256}`);
  assert.ok(r.ok);
  const s = (span: { start: number; end: number } | null) => (span ? r.ref.raw.slice(span.start, span.end) : null);
  assert.deepEqual([s(r.ref.registrySpan), s(r.ref.nameSpan), s(r.ref.tagSpan), s(r.ref.digestSpan)], ['registry.example.com:5000', 'registry.example.com:5000/team/app', '1.0', D256]);
});

test('pull policy near misses and pinning text', () => {
  assert.equal(nearestPullPolicy('always'), 'Always');
  assert.equal(nearestPullPolicy('IfNotPresnt'), 'IfNotPresent');
  assert.equal(nearestPullPolicy('NEVER'), 'Never');
  assert.equal(nearestPullPolicy('sometimes'), undefined);
  assert.equal(pinImage('nginx:1.27', D256, true), `nginx:1.27@${D256}`);
  assert.equal(pinImage('nginx:1.27', D256, false), `nginx@${D256}`);
  assert.equal(pinImage('nginx', D256, true), `nginx@${D256}`);
  assert.equal(pinImage(`nginx:1.27@sha256:${'1'.repeat(64)}`, D256, true), `nginx:1.27@${D256}`);
  assert.equal(pinImage('localhost:5000/a:b', D256, true), `localhost:5000/a:b@${D256}`);
  assert.throws(() => pinImage('Nginx', D256, true));
});
