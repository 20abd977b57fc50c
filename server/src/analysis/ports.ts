/** Ports: interfaces the pure core needs from the outside (implemented in registry/). */

export interface DigestRequest {
  /** Normalized registry: docker.io, localhost:5000, [::1]:5000, registry.example.com. */
  registry: string;
  /** Repository path, e.g. library/nginx. */
  repository: string;
  /** Tag or digest. */
  reference: string;
  /** e.g. linux/arm64: pin that platform's manifest instead of the index. */
  platform?: string;
}

export interface DigestResult {
  digest: string;
  mediaType: string;
  /** The host actually asked. */
  registryHost: string;
}

export interface DigestResolver {
  resolve(req: DigestRequest, signal?: AbortSignal): Promise<DigestResult>;
}
