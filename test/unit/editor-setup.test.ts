/** The code-server cache install: a clean environment for the nested npm, the lock, and what counts as complete. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs script without types
import { acquireLock, cleanInstallEnv, codeServerPaths, isComplete, cacheDir } from '../../scripts/editor-setup.mjs';

test('the nested install sees none of the outer npm run: no npm_* variable, no INIT_CWD, PATH and HOME kept', () => {
  const outer = {
    PATH: '/usr/bin',
    HOME: '/root',
    npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
    npm_config_cache: '/root/.npm',
    npm_package_name: 'pod-lens',
    npm_lifecycle_event: 'test',
    npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
    NPM_CONFIG_REGISTRY: 'https://registry.npmjs.org/',
    INIT_CWD: '/work/main',
    NODE_OPTIONS: '--import tsx',
  };
  assert.deepEqual(cleanInstallEnv(outer, { npm_config_nodedir: '/n' }), { PATH: '/usr/bin', HOME: '/root', npm_config_nodedir: '/n' });
});

test('the cache folder follows POD_LENS_CACHE, then XDG_CACHE_HOME', () => {
  assert.equal(cacheDir({ POD_LENS_CACHE: '/c' }), '/c/code-server-4.139.1');
  assert.equal(cacheDir({ XDG_CACHE_HOME: '/x' }), '/x/pod-lens/code-server-4.139.1');
});

test('a folder without the marker, or with the marker but without code-server, is not complete', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-cache-'));
  const p = codeServerPaths(dir);
  assert.equal(isComplete(p), false);
  writeFileSync(p.done, 'x');
  assert.equal(isComplete(p), false, 'marker alone');
  mkdirSync(join(dir, 'node_modules', 'code-server', 'out', 'node'), { recursive: true });
  writeFileSync(p.entry, '');
  mkdirSync(join(dir, 'node_modules', 'node', 'bin'), { recursive: true });
  writeFileSync(p.node, '');
  assert.equal(isComplete(p), true);
});

test('the lock: taken, held against a second taker, released, and broken when its holder died', async () => {
  const lock = join(mkdtempSync(join(tmpdir(), 'pod-lens-lock-')), 'cs.lock');
  const release = acquireLock(lock, { waitMs: 0, log: () => undefined });
  assert.equal(readFileSync(join(lock, 'pid'), 'utf8'), String(process.pid));
  assert.throws(() => acquireLock(lock, { waitMs: 0, log: () => undefined }), /another run has held .*cs\.lock/);
  release();
  assert.equal(existsSync(lock), false);

  // A holder that exited without releasing: its pid no longer runs, so the next run takes over.
  const child = spawn(process.execPath, ['-e', '0']);
  const pid = child.pid!;
  await new Promise((resolve) => child.on('exit', resolve));
  mkdirSync(lock);
  writeFileSync(join(lock, 'pid'), String(pid));
  const messages: string[] = [];
  const again = acquireLock(lock, { waitMs: 0, log: (m: string) => messages.push(m) });
  assert.deepEqual(messages, [`removing the stale lock of process ${pid}: ${lock}`]);
  again();
});
