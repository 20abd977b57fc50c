/** The built CLI on hostile folders: FIFOs, devices, link loops, dangling links and unreadable files are reported per entry. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, runCli, type CliRun } from '../support/cli';
import { NOBODY, readableBundles } from '../support/unprivileged';

const NO_IMAGE = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n';
const CLEAN = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n';
/** Root reads files whatever their mode, so a run as root drops to nobody to meet a file it may not read. */
function runAsReader(args: string[]): CliRun {
  const asRoot = process.getuid?.() === 0;
  const cli = asRoot ? readableBundles().cli : CLI;
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 60_000, ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}) });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function mkfifo(path: string): void {
  const r = spawnSync('mkfifo', [path]);
  assert.equal(r.status, 0, String(r.stderr));
}

/** A folder with one manifest with an error and every kind of entry that cannot be read. */
function hostileFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-faults-'));
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'good.yaml'), NO_IMAGE);
  mkfifo(join(dir, 'fifo.yaml'));
  symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
  symlinkSync('loop.yaml', join(dir, 'loop.yaml'));
  symlinkSync('nowhere.yaml', join(dir, 'dangling.yaml'));
  symlinkSync('.', join(dir, 'self'));
  symlinkSync('.', join(dir, 'again'));
  mkdirSync(join(dir, 'sub'), { mode: 0o755 });
  symlinkSync('..', join(dir, 'sub', 'up'));
  writeFileSync(join(dir, 'sub', 'clean.yml'), CLEAN);
  writeFileSync(join(dir, 'secret.yaml'), CLEAN, { mode: 0o000 });
  chmodSync(join(dir, 'secret.yaml'), 0o000);
  return dir;
}

test('check goes on past a FIFO, /dev/zero, loops, dangling links and an unreadable file; findings decide the exit code', async () => {
  const dir = hostileFolder();
  const r = runAsReader(['check', dir]);
  assert.equal(r.status, 1, r.stderr);
  assert.equal(
    r.stdout,
    `${join(dir, 'good.yaml')}:7:7: error container-image-required Required value: container "a" has no image; the API server rejects the object.\n` +
      '2 file(s): 1 error(s), 0 warning(s), 0 information\n',
  );
  assert.equal(
    r.stderr,
    [
      `pod-lens: ${join(dir, 'dangling.yaml')}: skipped: it is a symbolic link to something that does not exist`,
      `pod-lens: ${join(dir, 'fifo.yaml')}: skipped: it is a FIFO, not a regular file`,
      `pod-lens: ${join(dir, 'loop.yaml')}: skipped: it is a symbolic link that loops (ELOOP)`,
      `pod-lens: ${join(dir, 'zero.yaml')}: skipped: it is a character device, not a regular file`,
      `pod-lens: ${join(dir, 'secret.yaml')}: skipped: permission denied (EACCES)`,
      '',
    ].join('\n'),
  );
  // Without the error the same folder passes: unreadable entries are said, not counted as findings.
  writeFileSync(join(dir, 'good.yaml'), CLEAN);
  assert.equal(runAsReader(['check', dir, '--format', 'json']).status, 0);
});

test('named files that cannot be read are reported; exit 2 only when nothing could be read', async () => {
  const dir = hostileFolder();
  const none = runAsReader(['check', join(dir, 'fifo.yaml'), join(dir, 'zero.yaml'), join(dir, 'secret.yaml')]);
  assert.equal(none.status, 2);
  assert.equal(none.stdout, '');
  assert.equal(
    none.stderr,
    [
      `pod-lens: ${join(dir, 'fifo.yaml')}: skipped: it is a FIFO, not a regular file`,
      `pod-lens: ${join(dir, 'zero.yaml')}: skipped: it is a character device, not a regular file`,
      `pod-lens: ${join(dir, 'secret.yaml')}: skipped: permission denied (EACCES)`,
      'pod-lens: no file could be read',
      '',
    ].join('\n'),
  );
  const some = runAsReader(['inspect', join(dir, 'loop.yaml'), join(dir, 'sub', 'clean.yml'), '--format', 'text']);
  assert.equal(some.status, 0, some.stderr);
  assert.equal(some.stderr, `pod-lens: ${join(dir, 'loop.yaml')}: skipped: it is a symbolic link that loops (ELOOP)\n`);
  assert.match(some.stdout, /clean\.yml #0: Pod ok/);
  // A path that does not exist at all is still a usage error.
  const missing = await runCli(['check', join(dir, 'no-such.yaml')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /^pod-lens: no such file or folder: .*no-such\.yaml$/m);
});

test('a folder past the depth limit is reported, not searched', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-deep-'));
  const deep = join(dir, ...Array(42).fill('d'));
  mkdirSync(deep, { recursive: true });
  writeFileSync(join(deep, 'pod.yaml'), CLEAN);
  writeFileSync(join(dir, 'top.yaml'), CLEAN);
  const r = await runCli(['check', dir]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '1 file(s): 0 error(s), 0 warning(s), 0 information\n');
  assert.equal(r.stderr, `pod-lens: ${join(dir, ...Array(41).fill('d'))}: skipped: not searched: it is more than 40 folders deep\n`);
});

test('standard input past the read limit is refused with a message, not buffered whole', async () => {
  const r = await runCli(['check', '-'], { process: true, input: `# ${'x'.repeat(15 * 1024 * 1024)}\n` });
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, 'pod-lens: standard input is larger than 15728640 bytes; not read\n');
});
