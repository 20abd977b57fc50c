/** The real runtime: timers, a logger to the client's output channel, and the registry client. */
import type { Runtime } from './runtime';
import { createRegistryResolver } from './registry/from-settings';
import { configuredRegistries, realCredentialEnvironment } from './registry/credentials';

declare const POD_LENS_VERSION: string;
export const VERSION = typeof POD_LENS_VERSION === 'string' ? POD_LENS_VERSION : '0.0.0-dev';

export function createRealRuntime(write: (message: string) => void): Runtime {
  return {
    version: VERSION,
    logger: {
      info: (m) => write(m),
      error: (m, e) => write(`[error] ${m}${e ? `: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` : ''}`),
    },
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
    configuredRegistries: () => configuredRegistries(realCredentialEnvironment()),
    createResolver: (settings, facts) => createRegistryResolver(settings, facts, VERSION, (m) => write(m)),
    // Fault injection for the robustness tests: POD_LENS_TEST_FAULTS=hover,codeLens makes those handlers throw.
    faults: new Set((process.env.POD_LENS_TEST_FAULTS ?? '').split(',').filter(Boolean)),
  };
}
