/** The CLI's inputs: folders walked once per real path, and the bytes one run holds bounded per file and in total. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs } from '../../server/src/cli/inputs';

const noStdin = () => {
  throw new Error('stdin is not read here');
};

test('files past the per-file or the per-run limit are set aside with the reason', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-inputs-'));
  for (const name of ['a.yaml', 'b.yaml', 'c.yaml']) writeFileSync(join(dir, name), 'kind: Pod\n');
  writeFileSync(join(dir, 'big.yaml'), `# ${'x'.repeat(100)}\n`);
  // Links to the folder and to a file already read add nothing.
  symlinkSync('.', join(dir, 'again'));
  symlinkSync('a.yaml', join(dir, 'z-link.yaml'));
  const set = await readInputs([dir], noStdin, process.cwd(), { fileBytes: 50, totalBytes: 25 });
  assert.deepEqual(set.inputs, [
    { path: join(dir, 'a.yaml'), file: join(dir, 'a.yaml'), text: 'kind: Pod\n' },
    { path: join(dir, 'b.yaml'), file: join(dir, 'b.yaml'), text: 'kind: Pod\n' },
  ]);
  assert.deepEqual(set.unreadable, [
    { path: join(dir, 'big.yaml'), reason: 'it is larger than 50 bytes (103)' },
    { path: join(dir, 'c.yaml'), reason: 'not read: this run already holds 20 bytes of manifests, and 25 is the most one run reads' },
  ]);
});

test('a relative folder is read from the working folder and reported as written', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-inputs-rel-'));
  writeFileSync(join(dir, 'pod.yaml'), 'kind: Pod\n');
  const set = await readInputs(['.'], noStdin, dir);
  assert.deepEqual(set.inputs, [{ path: 'pod.yaml', file: join(dir, 'pod.yaml'), text: 'kind: Pod\n' }]);
});
