/**
 * Credentials for a registry from the user's docker config.json (auths, credHelpers, credsStore) and podman's
 * auth.json, as Docker and containers-auth.json define them. File system, environment and helper processes are
 * injected so tests can point them elsewhere. Secrets leave this module only to the host they are configured for (the
 * resolver asks for a mirror's own host, never the mirrored registry's) and that host's token realm.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { credentialKey } from './endpoint';
import { RegistryError } from './errors';

export type Credential = { kind: 'basic'; username: string; password: string } | { kind: 'identity-token'; token: string };

export interface CredentialEnvironment {
  env: NodeJS.ProcessEnv;
  home: string;
  readFile: (path: string) => string | undefined;
  /** Runs `docker-credential-<helper> get` with the server URL on stdin; resolves stdout. */
  runHelper: (helper: string, serverUrl: string, timeoutMs: number) => Promise<string>;
}

export interface CredentialSource {
  /** The credential for a registry, or undefined when none is configured. */
  lookup(registry: string): Promise<Credential | undefined>;
  /** Whether any configuration names this registry (used to word "needs credentials" errors). */
  describe(): string;
}

interface AuthEntry {
  auth?: string;
  username?: string;
  password?: string;
  identitytoken?: string;
}

interface AuthFile {
  auths?: Record<string, AuthEntry>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

/** How long a credential helper may take (it may unlock a keychain), and how much it may print (a credential is small). */
const HELPER_TIMEOUT_MS = 10_000;
const MAX_HELPER_OUTPUT_BYTES = 64 * 1024;

/**
 * Runs `docker-credential-<helper> get` in its own process group, so a timeout or an endless answer kills the helper
 * and everything it started (a `sleep` left holding the pipes would otherwise keep the CLI alive), and nothing of it
 * keeps the event loop waiting once it has answered or been given up on.
 */
function runCredentialHelper(helper: string, serverUrl: string, timeoutMs: number, env: NodeJS.ProcessEnv, maxOutput = MAX_HELPER_OUTPUT_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const program = `docker-credential-${helper}`;
    let child: ChildProcess;
    try {
      child = spawn(program, ['get'], { stdio: ['pipe', 'pipe', 'pipe'], env, detached: process.platform !== 'win32' });
    } catch (e) {
      reject(new RegistryError('credential-helper', `credential helper ${program} failed to start: ${(e as Error).message}`));
      return;
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let settled = false;
    let lingering: NodeJS.Timeout | undefined;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    /** Kills the helper's whole process group and lets go of its pipes. */
    const stop = () => {
      try {
        if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        /* already gone */
      }
      release();
    };
    const release = () => {
      child.stdin?.destroy();
      child.stdout?.destroy();
      child.stderr?.destroy();
      child.unref();
    };
    const timer = setTimeout(() => {
      finish(() => reject(new RegistryError('credential-helper', `credential helper ${program} did not answer within ${Math.round(timeoutMs / 1000)} s`)));
      stop();
    }, timeoutMs);
    child.on('error', (e: NodeJS.ErrnoException) => {
      finish(() => reject(new RegistryError('credential-helper', e.code === 'ENOENT' ? `credential helper ${program} is configured in docker config but not installed (not found on PATH)` : `credential helper ${program} failed to start: ${e.message}`)));
      release();
    });
    child.stdout!.on('data', (d: Buffer) => {
      outBytes += d.length;
      if (outBytes > maxOutput) {
        finish(() => reject(new RegistryError('credential-helper', `credential helper ${program} printed more than ${Math.round(maxOutput / 1024)} KiB; stopped it`)));
        stop();
        return;
      }
      out.push(d);
    });
    child.stderr!.on('data', (d: Buffer) => {
      // Only read to recognise "not found"; the rest is dropped (it may echo secrets).
      if (errBytes < 4096) err.push(d);
      errBytes += d.length;
    });
    child.stdin!.on('error', () => {
      /* a helper that exits without reading its input */
    });
    child.on('close', (code) => {
      if (lingering) clearTimeout(lingering);
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      // "credentials not found in native keychain" is the helpers' way of saying "none": not an error.
      finish(() => {
        if (code === 0) resolve(stdout);
        else if (/not found/i.test(stdout + stderr)) resolve('');
        else reject(new RegistryError('credential-helper', `credential helper ${program} failed (exit ${code ?? 'by a signal'})`));
      });
      release();
    });
    child.on('exit', () => {
      // The helper is done; whatever it left behind holding the pipes gets a second to let go, then is killed.
      if (process.platform !== 'win32' && child.pid !== undefined) {
        lingering = setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            /* the group is gone */
          }
        }, 1000);
        lingering.unref();
      }
    });
    child.stdin!.end(serverUrl);
  });
}

export function realCredentialEnvironment(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): CredentialEnvironment {
  return {
    env,
    home,
    readFile: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
    runHelper: (helper, serverUrl, timeoutMs) => runCredentialHelper(helper, serverUrl, timeoutMs, env),
  };
}

function parse(text: string | undefined): AuthFile | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null ? (v as AuthFile) : undefined;
  } catch {
    return undefined;
  }
}

/** `https://registry.example.com/v1/` and `registry.example.com` name the same registry. */
function normalizeKey(key: string): string {
  return key.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
}

function findEntry(auths: Record<string, AuthEntry> | undefined, registry: string): AuthEntry | undefined {
  if (!auths) return undefined;
  const wanted = registry === 'docker.io' ? ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io'] : [registry];
  for (const [key, entry] of Object.entries(auths)) {
    if (wanted.includes(key) || wanted.includes(normalizeKey(key))) return entry;
  }
  return undefined;
}

function fromEntry(entry: AuthEntry | undefined): Credential | undefined {
  if (!entry) return undefined;
  if (typeof entry.identitytoken === 'string' && entry.identitytoken) return { kind: 'identity-token', token: entry.identitytoken };
  if (typeof entry.username === 'string' && entry.username && typeof entry.password === 'string') return { kind: 'basic', username: entry.username, password: entry.password };
  if (typeof entry.auth === 'string' && entry.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { kind: 'basic', username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  return undefined;
}

function dockerConfigPath(e: Pick<CredentialEnvironment, 'env' | 'home'>): string {
  return join(e.env.DOCKER_CONFIG ?? join(e.home, '.docker'), 'config.json');
}

function podmanAuthPaths(e: Pick<CredentialEnvironment, 'env' | 'home'>): string[] {
  const paths: string[] = [];
  if (e.env.REGISTRY_AUTH_FILE) paths.push(e.env.REGISTRY_AUTH_FILE);
  if (e.env.XDG_RUNTIME_DIR) paths.push(join(e.env.XDG_RUNTIME_DIR, 'containers', 'auth.json'));
  paths.push(join(e.env.XDG_CONFIG_HOME ?? join(e.home, '.config'), 'containers', 'auth.json'));
  return paths;
}

export function createCredentialSource(e: CredentialEnvironment = realCredentialEnvironment(), options: { helperTimeoutMs?: number } = {}): CredentialSource {
  async function fromHelper(helper: string, registry: string): Promise<Credential | undefined> {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(helper)) throw new RegistryError('credential-helper', 'docker config names a credential helper whose name is not a plain program name');
    const out = await e.runHelper(helper, credentialKey(registry), options.helperTimeoutMs ?? HELPER_TIMEOUT_MS);
    if (!out.trim()) return undefined;
    let parsed: { Username?: unknown; Secret?: unknown };
    try {
      const value: unknown = JSON.parse(out);
      parsed = typeof value === 'object' && value !== null ? (value as typeof parsed) : {};
    } catch {
      throw new RegistryError('credential-helper', `credential helper docker-credential-${helper} gave an answer that is not JSON`);
    }
    if (typeof parsed.Secret !== 'string' || !parsed.Secret) return undefined;
    // Docker's convention: the user name "<token>" marks an identity (refresh) token.
    if (parsed.Username === '<token>') return { kind: 'identity-token', token: parsed.Secret };
    return { kind: 'basic', username: typeof parsed.Username === 'string' ? parsed.Username : '', password: parsed.Secret };
  }
  return {
    async lookup(registry) {
      const docker = parse(e.readFile(dockerConfigPath(e)));
      const helper = docker?.credHelpers?.[registry] ?? (registry === 'docker.io' ? docker?.credHelpers?.['index.docker.io'] : undefined);
      if (helper) return fromHelper(helper, registry);
      const own = fromEntry(findEntry(docker?.auths, registry));
      if (own) return own;
      if (docker?.credsStore) {
        const stored = await fromHelper(docker.credsStore, registry);
        if (stored) return stored;
      }
      for (const path of podmanAuthPaths(e)) {
        const found = fromEntry(findEntry(parse(e.readFile(path))?.auths, registry));
        if (found) return found;
      }
      return undefined;
    },
    describe: () => `docker config (${dockerConfigPath(e)}) or podman auth.json`,
  };
}

/** Registry hosts the user has credentials for (docker config auths and helpers, podman auth.json): hosts only. */
export function configuredRegistries(e: Pick<CredentialEnvironment, 'env' | 'home' | 'readFile'>): string[] {
  const hosts = new Set<string>();
  for (const path of [dockerConfigPath(e), ...podmanAuthPaths(e)]) {
    const file = parse(e.readFile(path));
    for (const key of [...Object.keys(file?.auths ?? {}), ...Object.keys(file?.credHelpers ?? {})]) {
      const host = normalizeKey(key);
      hosts.add(host === 'index.docker.io' || host === 'registry-1.docker.io' ? 'docker.io' : host);
    }
  }
  return [...hosts];
}
