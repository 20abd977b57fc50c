/** The TextMate injection grammar for image values, checked with vscode-tmgrammar-test (real vscode-textmate + oniguruma). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

test('image parts and :latest are scoped as test/grammar/*.test.yaml expects', () => {
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js'), '-g', 'test/grammar/yaml-stub.tmLanguage.json', '-g', 'syntaxes/image-reference.injection.tmLanguage.json', 'test/grammar/*.test.yaml'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /run successfuly/);
});
