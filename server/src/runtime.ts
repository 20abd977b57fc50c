/** What the server needs from the outside world; main.ts builds the real one, tests build their own. */
import type { DigestResolver } from './analysis/ports';
import type { FileSystem } from './fs/file-system';
import type { Settings } from './settings/settings';
import type { ClientFacts } from '../../protocol/initialization';

export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface Runtime {
  logger: Logger;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Builds the registry client for the current settings; undefined when the network is not available. */
  createResolver?: (settings: Settings, facts: ClientFacts) => DigestResolver;
  version: string;
  /** Every file the server reads or walks (the workspace scan, the file watcher, closed files' problems, go-to-definition). */
  fs: FileSystem;
  /** Registry hosts the user's docker/podman config holds credentials for (hosts only): they count as private. */
  configuredRegistries?: () => string[];
  /**
   * Handler names made to throw, to test that one failing request does not take the server down. Only a runtime a test
   * builds sets it (test/support/lsp-transport.ts); the real one never does.
   */
  faults?: ReadonlySet<string>;
}
