/** The built CLI's `convert`: each document as kubectl sends it, byte for byte against Kubernetes' own reader. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { buildOracle } from '../oracle/oracle';

const TEXT = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n    note: \'first line\n    second line\'\ndata:\n  on: yes\n  mode: 0644\n  s: "<yes>"\n---\na: .inf\n---\n# only a comment\n---\n- 1_000\n';
const oracle = buildOracle();
after(() => oracle.dispose());

test('convert --to json: one line per document as kubectl sends it; an unreadable one is an error line and exit 1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-convert-'));
  const file = join(dir, 'in.yaml');
  writeFileSync(file, TEXT);
  const r = await runCli(['convert', file]);
  assert.equal(r.status, 1, r.stderr);
  const [first, inf, , list] = oracle.read([TEXT])[0]!;
  assert.deepEqual(r.stdout.split('\n'), [
    (first as { json: string }).json,
    JSON.stringify({ file, document: 1, error: (inf as { error: string }).error }),
    (list as { json: string }).json,
    '',
  ]);
});

test('convert --to yaml reads back to the same JSON, and stdin works', async () => {
  const r = await runCli(['convert', '-', '--to', 'yaml'], { input: 'a: yes\nb: "on"\nc: 0x1F\n' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '---\na: true\nb: "on"\nc: 31\n');
  assert.deepEqual(oracle.read([r.stdout])[0], [{ json: '{"a":true,"b":"on","c":31}' }]);
});
