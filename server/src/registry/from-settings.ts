/** Builds the registry client from the user's settings and the client's facts (trust, proxy). */
import type { DigestResolver } from '../analysis/ports';
import type { Settings } from '../settings/settings';
import type { ClientFacts } from '../../../protocol/initialization';
import { createCredentialSource, realCredentialEnvironment } from './credentials';
import { createDigestResolver } from './resolver';

/** `env` supplies the proxy variables and where credentials live (DOCKER_CONFIG, REGISTRY_AUTH_FILE…). */
export function createRegistryResolver(settings: Settings, facts: ClientFacts, version: string, log: (message: string) => void, env: NodeJS.ProcessEnv = process.env): DigestResolver {
  return createDigestResolver({
    mirrors: settings.registry.mirrors,
    insecure: settings.registry.insecure,
    caFile: settings.registry.caFile || undefined,
    timeoutMs: settings.registry.timeoutSeconds * 1000,
    cacheTtlMs: settings.registry.cacheTtlSeconds * 1000,
    proxy: facts.httpProxy || undefined,
    userAgent: `pod-lens/${version}`,
    // Trust as the client reported it; a client that says nothing (another LSP editor) is trusted.
    isTrusted: () => facts.workspaceTrusted !== false,
    log,
    env,
    credentials: createCredentialSource(realCredentialEnvironment(env)),
  });
}
