/** Pushes images to a registry through the distribution API: blobs, platform manifests, OCI indexes, Docker lists. */
import { createHash, randomBytes } from 'node:crypto';
import { Agent, fetch } from 'undici';

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';

export interface PushTarget {
  base: string;
  /** Extra headers (Authorization) for pushing. */
  headers?: Record<string, string>;
  /** PEM CA for a TLS registry. */
  ca?: string;
}

export function sha256(bytes: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

function dispatcher(t: PushTarget) {
  return t.ca ? new Agent({ connect: { ca: t.ca } }) : undefined;
}

async function uploadBlob(t: PushTarget, repo: string, bytes: Uint8Array): Promise<string> {
  const digest = sha256(bytes);
  const start = await fetch(`${t.base}/v2/${repo}/blobs/uploads/`, { method: 'POST', headers: t.headers, dispatcher: dispatcher(t) });
  if (start.status !== 202) throw new Error(`blob upload start: ${start.status} ${await start.text()}`);
  const location = new URL(start.headers.get('location')!, t.base);
  location.searchParams.set('digest', digest);
  const put = await fetch(location, { method: 'PUT', headers: { ...t.headers, 'Content-Type': 'application/octet-stream' }, body: bytes, dispatcher: dispatcher(t) });
  if (put.status !== 201) throw new Error(`blob upload: ${put.status} ${await put.text()}`);
  return digest;
}

/** PUTs a manifest's exact bytes; returns the registry's Docker-Content-Digest (checked against our own sha256). */
export async function putManifest(t: PushTarget, repo: string, reference: string, mediaType: string, body: string): Promise<string> {
  const r = await fetch(`${t.base}/v2/${repo}/manifests/${reference}`, { method: 'PUT', headers: { ...t.headers, 'Content-Type': mediaType }, body, dispatcher: dispatcher(t) });
  if (r.status !== 201) throw new Error(`manifest ${repo}:${reference}: ${r.status} ${await r.text()}`);
  const digest = r.headers.get('docker-content-digest')!;
  if (digest !== sha256(body)) throw new Error(`registry digest ${digest} != sha256 of the bytes sent`);
  return digest;
}

async function platformManifest(t: PushTarget, repo: string, os: string, architecture: string, mediaType: string, pretty: boolean) {
  const config = Buffer.from(JSON.stringify({ architecture, os, rootfs: { type: 'layers', diff_ids: [] }, config: {} }));
  const layer = randomBytes(64);
  const configDigest = await uploadBlob(t, repo, config);
  const layerDigest = await uploadBlob(t, repo, layer);
  const oci = mediaType === OCI_MANIFEST;
  const manifest = {
    schemaVersion: 2,
    mediaType,
    config: { mediaType: oci ? 'application/vnd.oci.image.config.v1+json' : 'application/vnd.docker.container.image.v1+json', size: config.length, digest: configDigest },
    layers: [{ mediaType: oci ? 'application/vnd.oci.image.layer.v1.tar+gzip' : 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: layer.length, digest: layerDigest }],
  };
  // Non-canonical JSON (indentation, a trailing newline): the digest is of these exact bytes.
  const body = pretty ? `${JSON.stringify(manifest, null, 3)}\n` : JSON.stringify(manifest);
  const digest = await putManifest(t, repo, sha256(body), mediaType, body);
  return { digest, size: Buffer.byteLength(body), mediaType, platform: { os, architecture } };
}

export type ImageKind = 'oci-index' | 'docker-list' | 'oci-manifest' | 'docker-manifest';

export interface PushedImage {
  /** Digest of what the tag points to (the index or list for multi-arch kinds). */
  digest: string;
  /** Per-platform child digests (multi-arch kinds). */
  platforms: Record<string, string>;
}

export async function pushImage(t: PushTarget, repo: string, tag: string, kind: ImageKind, options: { pretty?: boolean } = {}): Promise<PushedImage> {
  const pretty = options.pretty ?? false;
  if (kind === 'oci-manifest' || kind === 'docker-manifest') {
    const m = await platformManifest(t, repo, 'linux', 'amd64', kind === 'oci-manifest' ? OCI_MANIFEST : DOCKER_MANIFEST, pretty);
    const body = await (await fetch(`${t.base}/v2/${repo}/manifests/${m.digest}`, { headers: { ...t.headers, Accept: m.mediaType }, dispatcher: dispatcher(t) })).text();
    const digest = await putManifest(t, repo, tag, m.mediaType, body);
    return { digest, platforms: { 'linux/amd64': digest } };
  }
  const childType = kind === 'oci-index' ? OCI_MANIFEST : DOCKER_MANIFEST;
  const children = [await platformManifest(t, repo, 'linux', 'amd64', childType, pretty), await platformManifest(t, repo, 'linux', 'arm64', childType, pretty)];
  const indexType = kind === 'oci-index' ? OCI_INDEX : DOCKER_LIST;
  const index = { schemaVersion: 2, mediaType: indexType, manifests: children.map((c) => ({ mediaType: c.mediaType, size: c.size, digest: c.digest, platform: c.platform })) };
  const body = pretty ? `${JSON.stringify(index, null, 2)}\n\n` : JSON.stringify(index);
  const digest = await putManifest(t, repo, tag, indexType, body);
  return { digest, platforms: Object.fromEntries(children.map((c) => [`${c.platform.os}/${c.platform.architecture}`, c.digest])) };
}
