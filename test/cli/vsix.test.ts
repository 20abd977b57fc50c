/** The VSIX holds the bundles and nothing else (allow-list .vscodeignore), and stays small. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; contributes: { configuration: { properties: Record<string, { description?: string; markdownDescription?: string }> } } };
const VSIX = join(ROOT, `pod-lens-${pkg.version}.vsix`);

test('the VSIX contains only the bundles, docs and icon, under 1 MB', { skip: !existsSync(VSIX) && 'run npm run package first' }, () => {
  const listing = execFileSync('unzip', ['-Z1', VSIX], { encoding: 'utf8' }).trim().split('\n').sort();
  assert.deepEqual(listing, [
    '[Content_Types].xml',
    'extension.vsixmanifest',
    'extension/LICENSE.txt',
    // The attribution of the API catalog's sources (Apache-2.0, MIT) travels with the bundle that embeds it.
    'extension/NOTICE',
    'extension/changelog.md',
    'extension/dist/extension.js',
    'extension/dist/server.js',
    'extension/images/icon.png',
    'extension/package.json',
    'extension/readme.md',
    ...listing.filter((f) => f.startsWith('extension/syntaxes/')),
  ].sort());
  assert.ok(!listing.some((f) => f.includes('node_modules') || f.endsWith('.ts') || f.includes('/test/')));
  assert.ok(statSync(VSIX).size < 1024 * 1024, `${statSync(VSIX).size} bytes`);
});

test('every contributed setting has a description', () => {
  for (const [key, value] of Object.entries(pkg.contributes.configuration.properties)) {
    assert.ok(value.description || value.markdownDescription, key);
  }
});
