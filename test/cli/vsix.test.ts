/** The VSIX holds the minified bundles with their source maps and nothing else (allow-list .vscodeignore), and stays small. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; contributes: { configuration: { properties: Record<string, { description?: string; markdownDescription?: string }> } } };
const VSIX = join(ROOT, `pod-lens-${pkg.version}.vsix`);

const skipWithoutVsix = { skip: !existsSync(VSIX) && 'run npm run package first' };

/** One file's text from inside the VSIX. */
function vsixText(path: string): string {
  return execFileSync('unzip', ['-p', VSIX, path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

test('the VSIX contains only the bundles, their maps, docs and icon, under 1.5 MB', skipWithoutVsix, () => {
  const listing = execFileSync('unzip', ['-Z1', VSIX], { encoding: 'utf8' }).trim().split('\n').sort();
  assert.deepEqual(listing, [
    '[Content_Types].xml',
    'extension.vsixmanifest',
    'extension/LICENSE.txt',
    // The attribution of the API catalog's sources (Apache-2.0, MIT) travels with the bundle that embeds it.
    'extension/NOTICE',
    'extension/changelog.md',
    'extension/dist/extension.js',
    'extension/dist/extension.js.map',
    'extension/dist/server.js',
    'extension/dist/server.js.map',
    'extension/images/icon.png',
    'extension/package.json',
    'extension/readme.md',
    ...listing.filter((f) => f.startsWith('extension/syntaxes/')),
  ].sort());
  assert.ok(!listing.some((f) => f.includes('node_modules') || f.endsWith('.ts') || f.includes('/test/')));
  // Issue #14's budget: the API catalog travels in the bundle and the VSIX stays under 1.5 MB.
  assert.ok(statSync(VSIX).size < 1.5 * 1024 * 1024, `${statSync(VSIX).size} bytes`);
});

// Minified output has almost no whitespace and very long lines; esbuild's readable output is a quarter whitespace
// (indentation) with lines of about 40 characters.
for (const [bundle, entry] of [['extension.js', '../client/src/extension.ts'], ['server.js', '../server/src/bin/server.ts']] as const) {
  test(`the VSIX's dist/${bundle} is minified and links its source map`, skipWithoutVsix, () => {
    const code = vsixText(`extension/dist/${bundle}`);
    const lines = code.split('\n');
    const whitespace = (code.match(/\s/g) ?? []).length / code.length;
    assert.ok(whitespace < 0.1, `${bundle}: ${(whitespace * 100).toFixed(1)}% whitespace`);
    assert.ok(code.length / lines.length > 500, `${bundle}: ${Math.round(code.length / lines.length)} characters per line`);
    assert.equal(lines.filter(Boolean).at(-1), `//# sourceMappingURL=${bundle}.map`);
  });

  test(`the VSIX's dist/${bundle}.map maps back to the TypeScript sources`, skipWithoutVsix, () => {
    const map = JSON.parse(vsixText(`extension/dist/${bundle}.map`)) as { version: number; sources: string[]; mappings: string };
    assert.equal(map.version, 3);
    assert.ok(map.sources.includes(entry), `${entry} not among ${map.sources.filter((s) => !s.includes('node_modules')).join(', ')}`);
    assert.ok(map.mappings.length > 1000, `${map.mappings.length} characters of mappings`);
  });
}

test('every contributed setting has a description', () => {
  for (const [key, value] of Object.entries(pkg.contributes.configuration.properties)) {
    assert.ok(value.description || value.markdownDescription, key);
  }
});
