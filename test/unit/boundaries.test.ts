/** Architecture boundaries: analysis/ imports only `yaml` and itself; client/ never imports server/. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const f = join(dir, n);
    return statSync(f).isDirectory() ? tsFiles(f) : n.endsWith('.ts') ? [f] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => (m[1] ?? m[2])!);
}

test('analysis/ is pure: it imports only yaml and itself', () => {
  const analysis = join(ROOT, 'server', 'src', 'analysis');
  const bad: string[] = [];
  for (const file of tsFiles(analysis)) {
    for (const spec of imports(file)) {
      if (spec === 'yaml') continue;
      if (spec.startsWith('.') && resolve(dirname(file), spec).startsWith(analysis)) continue;
      bad.push(`${relative(ROOT, file)} imports ${spec}`);
    }
  }
  assert.deepEqual(bad, []);
});

test('client/ does not import from server/', () => {
  const bad: string[] = [];
  for (const file of tsFiles(join(ROOT, 'client', 'src'))) {
    for (const spec of imports(file)) if (spec.includes('server/')) bad.push(`${relative(ROOT, file)} imports ${spec}`);
  }
  assert.deepEqual(bad, []);
});
