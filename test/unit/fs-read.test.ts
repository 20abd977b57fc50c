/** The bounded regular-file reader and the careful replace, on the entries a hostile folder holds. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRegularFile } from '../../server/src/fs/read-file';
import { replaceFileText } from '../../server/src/fs/replace-file';

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-fs-'));
  writeFileSync(join(dir, 'ok.yaml'), 'a: 1\n');
  assert.equal(spawnSync('mkfifo', [join(dir, 'fifo.yaml')]).status, 0);
  symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
  symlinkSync('loop.yaml', join(dir, 'loop.yaml'));
  mkdirSync(join(dir, 'dir.yaml'));
  return dir;
}

test('only regular files within the bound are read; everything else says why', async () => {
  const dir = folder();
  const cases: Array<[string, number, string]> = [
    ['fifo.yaml', 100, 'it is a FIFO, not a regular file'],
    ['zero.yaml', 100, 'it is a character device, not a regular file'],
    ['loop.yaml', 100, 'it is a symbolic link that loops (ELOOP)'],
    ['dir.yaml', 100, 'it is a folder, not a regular file'],
    ['missing.yaml', 100, 'it does not exist (ENOENT)'],
    ['ok.yaml', 4, 'it is larger than 4 bytes (5)'],
  ];
  for (const [name, max, reason] of cases) assert.deepEqual(await readRegularFile(join(dir, name), max), { ok: false, reason }, name);
  const ok = await readRegularFile(join(dir, 'ok.yaml'), 5);
  assert.equal(ok.ok && ok.text, 'a: 1\n');
});

test('a file that says it is empty but is not (as in /proc) is still read only up to the bound', async () => {
  const proc = '/proc/self/maps';
  const r = await readRegularFile(proc, 10);
  assert.deepEqual(r, { ok: false, reason: 'it is larger than 10 bytes' });
});

test('replace refuses a changed file and anything that is not a regular file, writing nothing', async () => {
  const dir = folder();
  await assert.rejects(replaceFileText(join(dir, 'ok.yaml'), 'a: 0\n', 'b: 2\n'), { message: 'it changed on disk while pod-lens was working; not written (run pin again)' });
  await assert.rejects(replaceFileText(join(dir, 'fifo.yaml'), '', 'b: 2\n'), { message: 'cannot read it again before writing: it is a FIFO, not a regular file' });
  await assert.rejects(replaceFileText(join(dir, 'loop.yaml'), '', 'b: 2\n'), { message: 'cannot find the file: it is a symbolic link that loops (ELOOP)' });
  assert.equal(readFileSync(join(dir, 'ok.yaml'), 'utf8'), 'a: 1\n');
  await replaceFileText(join(dir, 'ok.yaml'), 'a: 1\n', 'b: 2\n');
  assert.equal(readFileSync(join(dir, 'ok.yaml'), 'utf8'), 'b: 2\n');
  assert.deepEqual(readdirSync(dir).sort(), ['dir.yaml', 'fifo.yaml', 'loop.yaml', 'ok.yaml', 'zero.yaml']);
});
