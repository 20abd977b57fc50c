/** Where to ask for a reference: Docker Hub's real host, mirrors, and whether plain HTTP or unverified TLS is allowed. */

export interface EndpointOptions {
  /** registry host → mirror base URL (e.g. "docker.io" → "https://mirror.example.com"). */
  mirrors: Record<string, string>;
  /** Hosts allowed over plain HTTP or with unverified TLS. */
  insecure: string[];
}

export interface Endpoint {
  /** The registry as named in the image (docker.io, localhost:5000). */
  registry: string;
  /** Base URLs to try in order ("https://host", then "http://host" where allowed). */
  bases: string[];
  /** TLS certificates are not verified (the user marked the host insecure). */
  skipTlsVerify: boolean;
  /** Credentials may be sent over plain HTTP to this host. */
  allowPlainHttp: boolean;
}

/** Docker Hub's API host: docker.io names the registry, registry-1.docker.io serves it. */
const DOCKER_HUB_API = 'registry-1.docker.io';

/** Loopback registries may be spoken to over plain HTTP without configuration, as the Docker daemon allows. */
export function isLoopback(host: string): boolean {
  const name = host.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return name === 'localhost' || name === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

export function endpointFor(registry: string, options: EndpointOptions): Endpoint {
  const mirror = options.mirrors[registry];
  const isInsecure = options.insecure.includes(registry) || isLoopback(registry);
  if (mirror) {
    const host = mirror.replace(/^https?:\/\//, '').replace(/\/+$/, '');
    const mirrorInsecure = options.insecure.includes(host) || isLoopback(host);
    return { registry, bases: [mirror.replace(/\/+$/, '')], skipTlsVerify: mirrorInsecure && mirror.startsWith('https:'), allowPlainHttp: mirrorInsecure };
  }
  const host = registry === 'docker.io' ? DOCKER_HUB_API : registry;
  return {
    registry,
    // Like Docker: HTTPS first; plain HTTP only for hosts that are insecure by configuration or loopback.
    bases: isInsecure ? [`https://${host}`, `http://${host}`] : [`https://${host}`],
    skipTlsVerify: options.insecure.includes(registry),
    allowPlainHttp: isInsecure,
  };
}

/** The key docker's config.json uses for a registry. */
export function credentialKey(registry: string): string {
  return registry === 'docker.io' ? 'https://index.docker.io/v1/' : registry;
}
