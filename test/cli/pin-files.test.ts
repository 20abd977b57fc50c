/**
 * `pod-lens pin` as a careful writer, against Debian's docker-registry on 127.0.0.1: a file changed while pin waited is
 * left alone, mode, owner and links are kept, hard links are refused, a full disk leaves nothing behind, and one
 * file's failure does not stop the others.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { chmodSync, chownSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pushImage, type PushedImage } from '../support/push-image';
import { startRegistry, type Registry } from '../support/registry-server';
import { startStub } from '../support/registry-stub';
import { CLI, runCli, type CliRun } from '../support/cli';

let registry: Registry;
let app: PushedImage;

before(async () => {
  registry = await startRegistry();
  app = await pushImage({ base: registry.base }, 'team/app', '2.1', 'oci-index');
});
after(async () => registry.stop());

const pod = (host: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: ${host}/team/app:2.1\n`;
const pinned = (host: string) => pod(host).replace('team/app:2.1', `team/app:2.1@${app.digest}`);
const isRoot = () => process.getuid?.() === 0;

test('mode, owner and symbolic links are kept; no temporary file is left', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-pin-files-'));
  mkdirSync(join(dir, 'real'));
  const secretTarget = join(dir, 'real', 'private.yaml');
  writeFileSync(secretTarget, pod(registry.host));
  chmodSync(secretTarget, 0o600);
  if (isRoot()) chownSync(secretTarget, 65534, 65534);
  symlinkSync(join('real', 'private.yaml'), join(dir, 'link.yaml'));
  const script = join(dir, 'exec.yaml');
  writeFileSync(script, pod(registry.host));
  chmodSync(script, 0o755);

  const r = await runCli(['pin', join(dir, 'link.yaml'), script]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, `pinned 1 image in ${join(dir, 'link.yaml')}\npinned 1 image in ${script}\npinned 2 images in 2 files\n`);
  assert.ok(lstatSync(join(dir, 'link.yaml')).isSymbolicLink(), 'the link is still a link');
  assert.equal(readFileSync(secretTarget, 'utf8'), pinned(registry.host));
  assert.equal(readFileSync(script, 'utf8'), pinned(registry.host));
  const target = statSync(secretTarget);
  assert.equal(target.mode & 0o7777, 0o600);
  if (isRoot()) assert.deepEqual([target.uid, target.gid], [65534, 65534]);
  assert.equal(statSync(script).mode & 0o7777, 0o755);
  assert.deepEqual(readdirSync(dir).sort(), ['exec.yaml', 'link.yaml', 'real']);
  assert.deepEqual(readdirSync(join(dir, 'real')), ['private.yaml']);
});

test('a hard-linked file is refused with the reason; the other files of the run are still pinned; exit 1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-pin-links-'));
  for (const name of ['a.yaml', 'b.yaml', 'c.yaml']) writeFileSync(join(dir, name), pod(registry.host));
  linkSync(join(dir, 'b.yaml'), join(dir, 'b-twin.yml'));
  const r = await runCli(['pin', join(dir, 'a.yaml'), join(dir, 'b.yaml'), join(dir, 'c.yaml')]);
  assert.equal(r.status, 1);
  assert.equal(
    r.stderr,
    `pod-lens: ${join(dir, 'b.yaml')}: it has 2 hard links, which a safe rewrite would split; not written (pin a copy, or use --dry-run and apply the diff)\n` +
      `pinned 1 image in ${join(dir, 'a.yaml')}\npinned 1 image in ${join(dir, 'c.yaml')}\npinned 2 images in 2 files, 1 failed: ${join(dir, 'b.yaml')}\n`,
  );
  assert.equal(readFileSync(join(dir, 'a.yaml'), 'utf8'), pinned(registry.host));
  assert.equal(readFileSync(join(dir, 'b.yaml'), 'utf8'), pod(registry.host));
  assert.equal(readFileSync(join(dir, 'c.yaml'), 'utf8'), pinned(registry.host));
  assert.equal(statSync(join(dir, 'b.yaml')).nlink, 2, 'the links are not split');
});

/** Runs the CLI without blocking the test, so the test can act while it waits for the registry. */
function runCliAsync(args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`pod-lens ${args.join(' ')} did not exit within 60 s`));
    }, 60_000);
    child.on('exit', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

test('a file edited while pin waits for the registry is not overwritten', async () => {
  // A loopback gate in front of the real registry: it holds the first request until the test has edited the file.
  let arrived!: () => void;
  const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const gate = await startStub((req, res) => {
    arrived();
    void released.then(() => {
      const upstream = request({ host: '127.0.0.1', port: registry.port, method: req.method, path: req.url, headers: { ...req.headers, host: registry.host } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    });
  });
  try {
    const dir = mkdtempSync(join(tmpdir(), 'pod-lens-pin-race-'));
    const file = join(dir, 'pod.yaml');
    writeFileSync(file, pod(gate.host));
    const run = runCliAsync(['pin', file]);
    const deadline = setTimeout(() => release(), 30_000);
    await requestArrived;
    const edited = `${pod(gate.host)}# edited by hand while pin waited\n`;
    writeFileSync(file, edited);
    release();
    clearTimeout(deadline);
    const r = await run;
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stderr, `pod-lens: ${file}: it changed on disk while pod-lens was working; not written (run pin again)\npinned 0 images in 0 files, 1 failed: ${file}\n`);
    assert.equal(readFileSync(file, 'utf8'), edited);
    assert.deepEqual(readdirSync(dir), ['pod.yaml']);
  } finally {
    await gate.stop();
  }
});

test('a full disk leaves the file as it was and no temporary file behind', async (t) => {
  const mountPoint = mkdtempSync(join(tmpdir(), 'pod-lens-pin-tmpfs-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint], { encoding: 'utf8' });
  if (mounted.status !== 0) {
    t.skip(`cannot mount a small tmpfs here (${mounted.stderr.trim()}); the full-disk case needs root`);
    return;
  }
  try {
    const file = join(mountPoint, 'pod.yaml');
    writeFileSync(file, pod(registry.host));
    // Fill what is left, so the rewritten copy cannot be written.
    try {
      writeFileSync(join(mountPoint, 'filler'), Buffer.alloc(128 * 1024));
    } catch (error) {
      assert.equal((error as NodeJS.ErrnoException).code, 'ENOSPC');
    }
    const r = await runCli(['pin', file]);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stderr, `pod-lens: ${file}: not written: no space left on the device (ENOSPC)\npinned 0 images in 0 files, 1 failed: ${file}\n`);
    assert.equal(readFileSync(file, 'utf8'), pod(registry.host));
    assert.deepEqual(readdirSync(mountPoint).sort(), ['filler', 'pod.yaml']);
  } finally {
    spawnSync('umount', [mountPoint]);
  }
});
