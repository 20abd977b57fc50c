/** Starts code-server (the real VS Code workbench and extension host) on 127.0.0.1 with a throwaway home. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectOutput, stopChild } from './child';
import { freePort, until } from './free-port';

export interface CodeServer {
  url: string;
  port: number;
  home: string;
  log: () => string;
  stop: () => Promise<void>;
}

export interface CodeServerPaths {
  node: string;
  entry: string;
}

function isolatedEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache'), XDG_DATA_HOME: join(home, '.local', 'share'), TMPDIR: join(home, 'tmp') };
  delete env.VSCODE_IPC_HOOK_CLI;
  for (const d of [env.XDG_CONFIG_HOME!, env.XDG_CACHE_HOME!, env.XDG_DATA_HOME!, env.TMPDIR!]) mkdirSync(d, { recursive: true });
  return env;
}

/** Quiet user settings: no welcome page, no chat side bar, no sticky scroll, so screenshots show the product. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'workbench.tips.enabled': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  // Sticky scroll (on by default) pins the pod spec's first lines over the code lens line and takes its clicks.
  'editor.stickyScroll.enabled': false,
};

/** Writes the user settings (the quiet ones plus `extra`); the running workbench applies a change at once. */
export function writeUserSettings(home: string, extra: Record<string, unknown> = {}): void {
  mkdirSync(join(home, 'ud', 'User'), { recursive: true });
  writeFileSync(join(home, 'ud', 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...extra }, null, 2));
}

function baseArgs(home: string): string[] {
  const config = join(home, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  writeUserSettings(home);
  return ['--config', config, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', join(home, 'ud'), '--extensions-dir', join(home, 'ext')];
}

/** Installs a VSIX into the throwaway extensions dir, as a user would with `code --install-extension`. */
export function installVsix(paths: CodeServerPaths, home: string, vsix: string): string {
  const r = spawnSync(paths.node, [paths.entry, ...baseArgs(home), '--install-extension', vsix], { env: isolatedEnv(home), encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`installing ${vsix} failed: ${r.stdout}${r.stderr}`);
  return r.stdout;
}

export function newHome(): string {
  return mkdtempSync(join(tmpdir(), 'pod-lens-cs-'));
}

export async function startCodeServer(paths: CodeServerPaths, folder: string, options: { home?: string; smokeTestDriver?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<CodeServer> {
  const home = options.home ?? newHome();
  const port = await freePort();
  const args = [paths.entry, ...baseArgs(home), '--bind-addr', `127.0.0.1:${port}`];
  if (options.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  args.push(folder);
  const child: ChildProcess = spawn(paths.node, args, { env: { ...isolatedEnv(home), ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = collectOutput(child);
  const url = `http://127.0.0.1:${port}`;
  await until('code-server /healthz', 60_000, async () => {
    if (child.exitCode !== null) throw new Error(`code-server exited: ${output()}`);
    const r = await fetch(`${url}/healthz`);
    return r.ok ? true : undefined;
  });
  return {
    url,
    port,
    home,
    log: output,
    stop: () => stopChild(child),
  };
}
