/** The real runtime: timers, a logger to the client's output channel, the disk, and the registry client. */
import type { Runtime } from './runtime';
import { nodeFileSystem } from './fs/node-file-system';
import { createRegistryResolver } from './registry/from-settings';
import { configuredRegistries, realCredentialEnvironment } from './registry/credentials';

declare const POD_LENS_VERSION: string;
export const VERSION = typeof POD_LENS_VERSION === 'string' ? POD_LENS_VERSION : '0.0.0-dev';

/** `env` is the process's own in the server; tests running the server in process pass theirs (credentials). */
export function createRealRuntime(write: (message: string) => void, env: NodeJS.ProcessEnv = process.env): Runtime {
  return {
    version: VERSION,
    logger: {
      info: (m) => write(m),
      error: (m, e) => write(`[error] ${m}${e ? `: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` : ''}`),
    },
    // Unref'd: the connection keeps a server alive, and a pending debounce or online re-check must not keep a
    // process (or a test that runs the server in process) alive after the connection ends.
    setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
    clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
    fs: nodeFileSystem,
    configuredRegistries: () => configuredRegistries(realCredentialEnvironment(env)),
    createResolver: (settings, facts) => createRegistryResolver(settings, facts, VERSION, (m) => write(m), env),
  };
}
