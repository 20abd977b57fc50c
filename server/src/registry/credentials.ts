/**
 * Credentials for a registry from the user's docker config.json (auths, credHelpers, credsStore) and podman's
 * auth.json, as Docker and containers-auth.json define them. File system, environment and helper processes are
 * injected so tests can point them elsewhere. Secrets never leave this module except to the registry's own host.
 */
import { spawn } from 'node:child_process';
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

const HELPER_TIMEOUT_MS = 10_000;

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
    runHelper: (helper, serverUrl, timeoutMs) =>
      new Promise((resolve, reject) => {
        const program = `docker-credential-${helper}`;
        const child = spawn(program, ['get'], { stdio: ['pipe', 'pipe', 'pipe'], env });
        let out = '';
        let err = '';
        const timer = setTimeout(() => {
          child.kill();
          reject(new RegistryError('credential-helper', `credential helper ${program} did not answer within ${timeoutMs / 1000} s`));
        }, timeoutMs);
        child.on('error', (e: NodeJS.ErrnoException) => {
          clearTimeout(timer);
          reject(new RegistryError('credential-helper', e.code === 'ENOENT' ? `credential helper ${program} is configured in docker config but not installed (not found on PATH)` : `credential helper ${program} failed to start: ${e.message}`));
        });
        child.stdout.on('data', (d) => (out += String(d)));
        child.stderr.on('data', (d) => (err += String(d)));
        child.on('close', (code) => {
          clearTimeout(timer);
          // "credentials not found in native keychain" is the helpers' way of saying "none": not an error.
          if (code === 0) resolve(out);
          else if (/not found/i.test(out + err)) resolve('');
          else reject(new RegistryError('credential-helper', `credential helper ${program} failed (exit ${code})`));
        });
        child.stdin.end(serverUrl);
      }),
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
  if (entry.identitytoken) return { kind: 'identity-token', token: entry.identitytoken };
  if (entry.username && entry.password !== undefined) return { kind: 'basic', username: entry.username, password: entry.password };
  if (entry.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { kind: 'basic', username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  return undefined;
}

export function dockerConfigPath(e: Pick<CredentialEnvironment, 'env' | 'home'>): string {
  return join(e.env.DOCKER_CONFIG ?? join(e.home, '.docker'), 'config.json');
}

export function podmanAuthPaths(e: Pick<CredentialEnvironment, 'env' | 'home'>): string[] {
  const paths: string[] = [];
  if (e.env.REGISTRY_AUTH_FILE) paths.push(e.env.REGISTRY_AUTH_FILE);
  if (e.env.XDG_RUNTIME_DIR) paths.push(join(e.env.XDG_RUNTIME_DIR, 'containers', 'auth.json'));
  paths.push(join(e.env.XDG_CONFIG_HOME ?? join(e.home, '.config'), 'containers', 'auth.json'));
  return paths;
}

export function createCredentialSource(e: CredentialEnvironment = realCredentialEnvironment()): CredentialSource {
  async function fromHelper(helper: string, registry: string): Promise<Credential | undefined> {
    const out = await e.runHelper(helper, credentialKey(registry), HELPER_TIMEOUT_MS);
    if (!out.trim()) return undefined;
    let parsed: { Username?: string; Secret?: string };
    try {
      parsed = JSON.parse(out) as { Username?: string; Secret?: string };
    } catch {
      throw new RegistryError('credential-helper', `credential helper docker-credential-${helper} gave an answer that is not JSON`);
    }
    if (!parsed.Secret) return undefined;
    // Docker's convention: the user name "<token>" marks an identity (refresh) token.
    if (parsed.Username === '<token>') return { kind: 'identity-token', token: parsed.Secret };
    return { kind: 'basic', username: parsed.Username ?? '', password: parsed.Secret };
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
