/**
 * Where to ask for a reference: Docker Hub's real host, mirrors, which host's credentials may be used there, and which
 * hosts may be spoken to over plain HTTP or with unverified TLS.
 */
import { RegistryError } from './errors';

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
  /**
   * The host whose credentials (docker config, credential helpers, podman auth.json) may be sent here: the registry
   * itself, or for a mirror the mirror's own host, so a registry's credentials never reach a mirror unless the user's
   * own config names that mirror.
   */
  credentialHost: string;
  /** TLS certificates are not verified (the user marked the host insecure). */
  skipTlsVerify: boolean;
  /** Plain HTTP may be used with this endpoint's host. */
  allowPlainHttp: boolean;
}

/** Docker Hub's API host: docker.io names the registry, registry-1.docker.io serves it. */
const DOCKER_HUB_API = 'registry-1.docker.io';

/** Loopback registries may be spoken to over plain HTTP without configuration, as the Docker daemon allows. */
export function isLoopback(host: string): boolean {
  const name = host.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return name === 'localhost' || name === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/**
 * Which hosts are trusted less strictly, decided once from the user's `insecure` list and applied by the HTTP client
 * to every request and every redirect hop (a registry's answer never widens it).
 */
export interface HostTrust {
  /** The user marked this host insecure (plain HTTP, unverified TLS, credentials kept across an HTTPS → HTTP redirect). */
  markedInsecure(host: string): boolean;
  /** Plain HTTP may carry credentials to this host: marked insecure, or loopback (the traffic never leaves the machine). */
  plainHttpAllowed(host: string): boolean;
}

/** `registry.example.com:443` and `REGISTRY.example.com` name the host `new URL("https://registry.example.com")` has. */
function canonicalHost(host: string): string {
  return host.toLowerCase().replace(/:443$|:80$/, '');
}

export function hostTrust(insecure: readonly string[]): HostTrust {
  const marked = new Set(insecure.map((h) => canonicalHost(h.trim())));
  const markedInsecure = (host: string) => marked.has(canonicalHost(host)) || marked.has(host.toLowerCase());
  return { markedInsecure, plainHttpAllowed: (host) => markedInsecure(host) || isLoopback(host) };
}

/** A mirror URL from the settings, checked: http or https, no credentials in it, no query; its base URL and host. */
function parseMirror(registry: string, mirror: string): { base: string; host: string; protocol: string } {
  const setting = `podLens.registry.mirrors[${JSON.stringify(registry)}]`;
  let url: URL;
  try {
    url = new URL(mirror);
  } catch {
    throw new RegistryError('configuration', `${setting} is not a URL (expected e.g. https://mirror.example.com)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RegistryError('configuration', `${setting} must be an http or https URL`);
  if (url.username || url.password) {
    // Never echo the password: the user's name and the host are enough to say what to do.
    throw new RegistryError(
      'configuration',
      `${setting} has credentials in its URL (${url.protocol}//${url.username ? `${decodeURIComponent(url.username)}:***@` : '***@'}${url.host}); Pod Lens does not send those: remove them and put the mirror's credentials in docker config (docker login ${url.host})`,
    );
  }
  if (url.search || url.hash) throw new RegistryError('configuration', `${setting} must not have a query or fragment`);
  return { base: `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`, host: url.host, protocol: url.protocol };
}

export function endpointFor(registry: string, options: EndpointOptions): Endpoint {
  const trust = hostTrust(options.insecure);
  const mirror = options.mirrors[registry];
  if (mirror !== undefined && mirror !== '') {
    const m = parseMirror(registry, mirror);
    return { registry, bases: [m.base], credentialHost: m.host, skipTlsVerify: m.protocol === 'https:' && trust.markedInsecure(m.host), allowPlainHttp: trust.plainHttpAllowed(m.host) };
  }
  const host = registry === 'docker.io' ? DOCKER_HUB_API : registry;
  const plain = trust.plainHttpAllowed(registry);
  return {
    registry,
    // Like Docker: HTTPS first; plain HTTP only for hosts that are insecure by configuration or loopback.
    bases: plain ? [`https://${host}`, `http://${host}`] : [`https://${host}`],
    credentialHost: registry,
    skipTlsVerify: trust.markedInsecure(registry),
    allowPlainHttp: plain,
  };
}

/** The key docker's config.json uses for a registry. */
export function credentialKey(registry: string): string {
  return registry === 'docker.io' ? 'https://index.docker.io/v1/' : registry;
}
