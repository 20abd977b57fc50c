// Runs every test/**/*.test.ts with node:test (Node 20 has no test-file globs), through tsx.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);
// The editor tests run on their own (they are slow and share one code-server cache): `node test/run.mjs test/e2e`.
const skip = new Set(['fixtures', 'workspace', 'suite', ...(process.argv.slice(2).some((a) => a.includes('e2e')) ? [] : ['e2e'])]);

function find(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (!skip.has(name)) out.push(...find(full));
    } else if (name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

const dirs = only.length ? only.map((d) => join(root, d)) : [join(root, 'test')];
const files = dirs.flatMap((d) => (statSync(d).isDirectory() ? find(d) : [d]));
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
console.log(`running ${files.length} test files`);
const isEditor = only.some((a) => a.includes('e2e'));
// Three minutes a test: the slowest (the corpus, the registry) take well under one. The editor suite installs and
// starts code-server, so it keeps a longer limit.
const timeoutMs = isEditor ? 900_000 : 180_000;
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${isEditor ? 1 : 2}`, `--test-timeout=${timeoutMs}`, ...files.map((f) => relative(root, f))],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
