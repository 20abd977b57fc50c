/** Smoke tests of the built `pod-lens` bin as a process (the other CLI tests call main in process): shim, stdin, exit codes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';

const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
const NO_IMAGE = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n';
const CLEAN = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n';

test('the bin shim loads the bundle: --version prints the package version', async () => {
  assert.deepEqual(await runCli(['--version'], { process: true }), { status: 0, stdout: `${pkg.version}\n`, stderr: '' });
});

test('exit codes of the real process: 0 clean, 1 on an error finding, 2 on a usage error', async () => {
  assert.equal((await runCli(['check', '-'], { process: true, input: CLEAN })).status, 0);
  const failed = await runCli(['check', '-'], { process: true, input: NO_IMAGE });
  assert.equal(failed.status, 1);
  assert.match(failed.stdout, /^-:7:7: error container-image-required Required value/m);
  const usage = await runCli(['check', '--format', 'xml'], { process: true });
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /^pod-lens: /);
});

test('relative paths are read from the working folder and reported as written, in process and as a process', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-cwd-'));
  mkdirSync(join(dir, 'k8s'));
  writeFileSync(join(dir, 'k8s', 'pod.yaml'), NO_IMAGE);
  const inProcess = await runCli(['check', 'k8s', '--format', 'json'], { cwd: dir });
  const child = await runCli(['check', 'k8s', '--format', 'json'], { cwd: dir, process: true });
  assert.equal(inProcess.status, 1, inProcess.stderr);
  assert.deepEqual(JSON.parse(inProcess.stdout).files.map((f: { path: string }) => f.path), [join('k8s', 'pod.yaml')]);
  assert.deepEqual(child, inProcess);
});

test('lsp without --stdio says how to start it (exit 2), instead of the library error of a missing transport', async () => {
  assert.deepEqual(await runCli(['lsp'], { process: true }), {
    status: 2,
    stdout: '',
    stderr: "pod-lens: lsp speaks the Language Server Protocol over standard input and output: start it as 'pod-lens lsp --stdio' from your editor\nrun 'pod-lens lsp --help' for its options\n",
  });
});
