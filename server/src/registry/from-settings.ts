/** Builds the registry client from the user's settings and the client's facts (trust, proxy). */
import type { DigestResolver } from '../analysis/ports';
import type { ClientFacts, Settings } from '../lsp/settings';

export function createRegistryResolver(
  settings: Settings,
  facts: ClientFacts,
  version: string,
  log: (message: string) => void,
): DigestResolver {
  void settings; void facts; void version; void log;
  throw new Error('registry client not wired yet');
}
