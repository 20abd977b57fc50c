/**
 * What the CLI says (issue #19, items 10–13): each command's --help, usage errors as one line and a hint, folders
 * without YAML, stdin given twice, the pin summary and relative diff headers, and a repository that does not exist.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMAND_HELP } from '../../server/src/cli/help';
import { runCli } from '../support/cli';
import { startStub, type Stub } from '../support/registry-stub';

const NO_IMAGE = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n';
const MANIFEST = JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: {}, layers: [] });
const DIGEST = `sha256:${createHash('sha256').update(MANIFEST).digest('hex')}`;

let stub: Stub;
let env: NodeJS.ProcessEnv;

// A registry that has team/app:2.1 only: other tags of team/app are MANIFEST_UNKNOWN, other repositories NAME_UNKNOWN
// (the distribution spec's error codes, as Distribution's registry answers them).
before(async () => {
  stub = await startStub((req, res) => {
    const m = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(req.url ?? '');
    if (m && m[1] === 'team/app' && m[2] === '2.1') {
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json', 'docker-content-digest': DIGEST });
      res.end(req.method === 'HEAD' ? undefined : MANIFEST);
      return;
    }
    const code = m?.[1] === 'team/app' ? 'MANIFEST_UNKNOWN' : 'NAME_UNKNOWN';
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(req.method === 'HEAD' ? undefined : JSON.stringify({ errors: [{ code, message: 'unknown', detail: {} }] }));
  });
  const docker = mkdtempSync(join(tmpdir(), 'pod-lens-docker-'));
  env = { PATH: process.env.PATH, HOME: docker, DOCKER_CONFIG: docker, POD_LENS_INSECURE_REGISTRIES: stub.host };
});
after(async () => stub.stop());

const pod = (image: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: ${image}\n`;

test('each command --help (and -h, and help <command>) prints that command page and exits 0', async () => {
  for (const command of Object.keys(COMMAND_HELP) as Array<keyof typeof COMMAND_HELP>) {
    for (const args of [[command, '--help'], [command, '-h'], ['help', command], [command, 'some/path', '--format', 'json', '--help']]) {
      assert.deepEqual(await runCli(args), { status: 0, stdout: `${COMMAND_HELP[command]}\n`, stderr: '' }, args.join(' '));
    }
  }
  assert.match(COMMAND_HELP.check, /^Usage: pod-lens check \[paths…\]/);
  assert.match(COMMAND_HELP.check, /With no path the current folder \(\.\) is read\./);
});

test('usage errors are one line and a hint naming the help to read, exit 2', async () => {
  const cases: Array<[string[], string]> = [
    [['check', '--bogus'], "pod-lens: unknown option --bogus\nrun 'pod-lens check --help' for its options\n"],
    [['check', '--format', 'xml'], "pod-lens: --format must be one of: text, json, sarif\nrun 'pod-lens check --help' for its options\n"],
    [['nope'], "pod-lens: unknown command nope\nrun 'pod-lens --help' for the commands\n"],
    [['help', 'nope'], "pod-lens: no help for nope: not a command\nrun 'pod-lens --help' for the commands\n"],
    [['inspect', '--format'], "pod-lens: --format needs a value\nrun 'pod-lens inspect --help' for its options\n"],
    [['lsp'], "pod-lens: lsp speaks the Language Server Protocol over standard input and output: start it as 'pod-lens lsp --stdio' from your editor\nrun 'pod-lens lsp --help' for its options\n"],
    [['pin', '--keep-tag', '--no-keep-tag', '-'], "pod-lens: --keep-tag and --no-keep-tag contradict each other; give one of them\nrun 'pod-lens pin --help' for its options\n"],
    [['pin', '--platform', 'linux', '-'], 'pod-lens: --platform needs os/architecture[/variant], such as linux/amd64 or linux/arm64/v8 (got "linux")\nrun \'pod-lens pin --help\' for its options\n'],
    [['resolve', 'nginx:1.27', '--platform=linux/'], 'pod-lens: --platform needs os/architecture[/variant], such as linux/amd64 or linux/arm64/v8 (got "linux/")\nrun \'pod-lens resolve --help\' for its options\n'],
  ];
  for (const [args, stderr] of cases) {
    assert.deepEqual(await runCli(args, { input: pod('nginx:1.27'), env }), { status: 2, stdout: '', stderr }, args.join(' '));
  }
  assert.equal(stub.requests.length, 0, 'a usage error asks no registry');
});

test('a folder without YAML (empty, or other files only) is a usage error, exit 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-noyaml-'));
  mkdirSync(join(dir, 'empty'));
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs', 'README.md'), '# not a manifest\n');
  for (const folder of ['empty', 'docs']) {
    for (const command of ['check', 'inspect', 'convert', 'pin']) {
      assert.deepEqual(await runCli([command, folder], { cwd: dir, env }), {
        status: 2,
        stdout: '',
        stderr: `pod-lens: no YAML files (*.yaml, *.yml) in ${folder}\nrun 'pod-lens ${command} --help' for its options\n`,
      });
    }
  }
  // With no path, check reads the working folder: the same rule applies to it.
  assert.equal((await runCli(['check'], { cwd: join(dir, 'empty') })).stderr, "pod-lens: no YAML files (*.yaml, *.yml) in .\nrun 'pod-lens check --help' for its options\n");
});

test('check - - reads standard input once', async () => {
  const r = await runCli(['check', '-', '-', '--format', 'json'], { input: NO_IMAGE });
  assert.equal(r.status, 1, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.deepEqual(report.files.map((f: { path: string }) => f.path), ['-']);
  assert.deepEqual(report.summary, { files: 1, errors: 1, warnings: 0, information: 0, hints: 0 });
});

test('pin says what it did and what failed; --dry-run headers are relative to the working folder', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-pin-say-'));
  mkdirSync(join(dir, 'k8s'));
  const two = `${pod(`${stub.host}/team/app:2.1`)}    - name: side\n      image: ${stub.host}/team/app:2.1\n`;
  writeFileSync(join(dir, 'k8s', 'a.yaml'), two);
  writeFileSync(join(dir, 'k8s', 'b.yaml'), pod(`${stub.host}/team/app:2.1`));
  writeFileSync(join(dir, 'k8s', 'c.yaml'), pod(`${stub.host}/team/gone:1`));

  const dry = await runCli(['pin', join(dir, 'k8s'), '--dry-run'], { cwd: dir, env });
  assert.equal(dry.status, 1);
  assert.match(dry.stdout, /^--- a\/k8s\/a\.yaml\n\+\+\+ b\/k8s\/a\.yaml\n/);
  assert.match(dry.stdout, /^--- a\/k8s\/b\.yaml\n\+\+\+ b\/k8s\/b\.yaml$/m);
  const gone = `${stub.host}/team/gone:1`;
  const failure = `pod-lens: ${join(dir, 'k8s', 'c.yaml')}: ${gone}: repository ${stub.host}/team/gone does not exist (the registry does not know the name; check its spelling)\n`;
  assert.equal(dry.stderr, `${failure}would pin 3 images in 2 files, 1 failed: ${gone}\n`);

  const run = await runCli(['pin', 'k8s'], { cwd: dir, env });
  assert.equal(run.status, 1);
  assert.equal(run.stdout, '');
  assert.equal(run.stderr, `${failure.replace(join(dir, 'k8s'), 'k8s')}pinned 2 images in ${join('k8s', 'a.yaml')}\npinned 1 image in ${join('k8s', 'b.yaml')}\npinned 3 images in 2 files, 1 failed: ${gone}\n`);
  assert.equal(readFileSync(join(dir, 'k8s', 'b.yaml'), 'utf8'), pod(`${stub.host}/team/app:2.1@${DIGEST}`));

  const again = await runCli(['pin', 'k8s/a.yaml', 'k8s/b.yaml'], { cwd: dir, env });
  assert.deepEqual(again, { status: 0, stdout: '', stderr: 'pinned 0 images in 0 files\n' });
});

test('resolve: a repository that does not exist says so; a missing tag says the tag', async () => {
  assert.deepEqual(await runCli(['resolve', `${stub.host}/team/gone:1`], { env }), {
    status: 1,
    stdout: '',
    stderr: `pod-lens: ${stub.host}/team/gone:1: repository ${stub.host}/team/gone does not exist (the registry does not know the name; check its spelling)\n`,
  });
  assert.deepEqual(await runCli(['resolve', `${stub.host}/team/app:0.0`], { env }), {
    status: 1,
    stdout: '',
    stderr: `pod-lens: ${stub.host}/team/app:0.0: tag 0.0 not found in ${stub.host}/team/app\n`,
  });
  assert.deepEqual(await runCli(['resolve', `${stub.host}/team/app:2.1`], { env }), { status: 0, stdout: `${DIGEST}\n`, stderr: '' });
});

test('inspect --format text flags a pull policy the API server rejects; JSON says valid: false', async () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n      imagePullPolicy: always\n    - name: b\n      image: nginx:1.27\n      imagePullPolicy: Always\n';
  const lines = (await runCli(['inspect', '-', '--format', 'text'], { input: text })).stdout.split('\n');
  assert.ok(lines.includes('  - app a  image nginx:1.27 (docker.io/library/nginx)  pull always (invalid: the API server rejects it; use Always, IfNotPresent or Never)'), lines.join('\n'));
  assert.ok(lines.includes('  - app b  image nginx:1.27 (docker.io/library/nginx)  pull Always'), lines.join('\n'));
  const [a, b] = JSON.parse((await runCli(['inspect', '-'], { input: text })).stdout).files[0].workloads[0].containers;
  assert.deepEqual(a.imagePullPolicy, { value: 'always', defaulted: false, valid: false, reason: 'written in the manifest, and not one of Always, IfNotPresent, Never: the API server rejects the object' });
  assert.deepEqual(b.imagePullPolicy, { value: 'Always', defaulted: false, valid: true, reason: 'written in the manifest' });
});

test('inspect: effectiveResources include the overhead of a RuntimeClass among the inputs, as the hover does', async () => {
  const runtimeClass = 'apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata:\n  name: kata\nhandler: kata-qemu\noverhead:\n  podFixed: {cpu: 250m, memory: 160Mi}\n';
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: sandboxed\nspec:\n  runtimeClassName: kata\n  containers:\n    - name: app\n      image: nginx:1.27\n      resources:\n        requests: {cpu: 500m, memory: 128Mi}\n        limits: {memory: 256Mi}\n';
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-rc-'));
  writeFileSync(join(dir, 'runtime-class.yaml'), runtimeClass);
  writeFileSync(join(dir, 'pod.yaml'), pod);
  const withClass = JSON.parse((await runCli(['inspect', dir])).stdout);
  const [w] = withClass.files.find((f: { path: string }) => f.path.endsWith('pod.yaml')).workloads;
  assert.deepEqual(w.effectiveResources, { requests: { cpu: '750m', memory: '288Mi' }, limits: { memory: '416Mi' } });
  assert.deepEqual(w.runtimeClass, { name: 'kata', overhead: { cpu: '250m', memory: '160Mi' } });
  // Without the RuntimeClass among the inputs there is nothing to add.
  const alone = JSON.parse((await runCli(['inspect', join(dir, 'pod.yaml')])).stdout).files[0].workloads[0];
  assert.deepEqual(alone.effectiveResources, { requests: { cpu: '500m', memory: '128Mi' }, limits: { memory: '256Mi' } });
  assert.equal(alone.runtimeClass, undefined);
});

test('resolve: an anonymous 401 says the repository may not exist, as docker pull does, not that credentials were refused', async () => {
  // Docker Hub's way: an anonymous token is issued, and the manifest request is still answered 401.
  let base = '';
  const hub = await startStub((req, res) => {
    if ((req.url ?? '').startsWith('/token')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ token: 'anonymous' }));
      return;
    }
    res.writeHead(401, { 'www-authenticate': `Bearer realm="${base}/token",service="stub",scope="repository:hub/gone:pull"`, 'content-type': 'application/json' });
    res.end(req.method === 'HEAD' ? undefined : JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }));
  });
  base = hub.base;
  try {
    const r = await runCli(['resolve', `${hub.host}/hub/gone:1`], { env: { ...env, POD_LENS_INSECURE_REGISTRIES: hub.host } });
    assert.deepEqual(r, {
      status: 1,
      stdout: '',
      stderr: `pod-lens: ${hub.host}/hub/gone:1: ${hub.host} needs credentials; none found in docker config (or repository ${hub.host}/hub/gone does not exist: the registry gives the same answer for both)\n`,
    });
    assert.ok(hub.requests.some((q) => q.path.startsWith('/token')), 'the anonymous token was asked for');
  } finally {
    await hub.stop();
  }
});

test('text output: path:line:col: severity rule message, the message problem first (no field path), one line each', async () => {
  const pod = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      image: nginx:1.27
      imagePullPolicy: always
      ports:
        - containerPort: 70000
    - name: b
`;
  const r = await runCli(['check', '-', '--fail-on', 'never'], { input: pod });
  assert.equal(r.stdout.split('\n').filter((l) => l.startsWith('-:')).join('\n'), [
    '-:9:24: error image-pull-policy-invalid Unsupported value: "always": supported values: "Always", "IfNotPresent", "Never". The API server rejects the object; did you mean Always?',
    '-:11:26: error port-invalid Invalid value: 70000: must be between 1 and 65535, inclusive. The API server rejects the object.',
    '-:12:7: error container-image-required Required value: container "b" has no image; the API server rejects the object.',
  ].join('\n'));
});
