/**
 * Image references exactly as Kubernetes reads them: distribution/reference's grammar and ParseNormalizedNamed
 * (v0.6.0, as vendored by Kubernetes), go-digest validation with the algorithms Kubernetes links, and the kubelet's
 * ParseImageName (pkg/util/parsers). Errors carry the library's own text and the span of the part that is wrong.
 */
import type { Span } from '../model/span';

export interface ImageReference {
  raw: string;
  /** Normalized registry: docker.io, localhost:5000, [::1]:5000, or the domain as written (case kept). */
  registry: string;
  /** Path inside the registry, normalized: library/nginx. */
  repository: string;
  tag: string | null;
  /** `algorithm:hex`. */
  digest: string | null;
  /** registry/repository. */
  fullName: string;
  /** FamiliarName: docker.io/ and library/ stripped where distribution strips them. */
  familiarName: string;
  /** Spans relative to `raw`; the registry span is null when the registry was implied (docker.io). */
  registrySpan: Span | null;
  nameSpan: Span;
  tagSpan: Span | null;
  digestSpan: Span | null;
}

export type ImageReferenceErrorKind = 'format' | 'lowercase' | 'length' | 'digest' | 'hex-name' | 'empty';

export interface ImageReferenceError {
  /** distribution/reference's (or go-digest's) own message. */
  message: string;
  /** The kubelet's wrapping: `couldn't parse image name "<image>": <message>`. */
  kubeletMessage: string;
  kind: ImageReferenceErrorKind;
  /** Relative to the raw image: the part that is wrong. */
  span: Span;
}

export type ImageReferenceResult = { ok: true; ref: ImageReference } | { ok: false; error: ImageReferenceError };

// regexp.go (distribution/reference v0.6.0)
const ALPHANUMERIC = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALPHANUMERIC}(?:${SEPARATOR}${ALPHANUMERIC})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`;
const IPV6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const DOMAIN_AND_PORT = `(?:${DOMAIN_NAME}|${IPV6})(?::[0-9]+)?`;
const REMOTE_NAME = `${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const NAME = `(?:${DOMAIN_AND_PORT}/)?${REMOTE_NAME}`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const ANCHORED_NAME = new RegExp(`^(?:(${DOMAIN_AND_PORT})/)?(${REMOTE_NAME})$`);
const ANCHORED_IDENTIFIER = /^[a-f0-9]{64}$/;
const ANCHORED_TAG = new RegExp(`^${TAG}$`);
const ANCHORED_DOMAIN = new RegExp(`^${DOMAIN_AND_PORT}$`);
const ANCHORED_COMPONENT = new RegExp(`^${PATH_COMPONENT}$`);
const ANCHORED_DIGEST_SYNTAX = new RegExp(`^${DIGEST}$`);
// go-digest digest.go DigestRegexpAnchored
const GO_DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

/** distribution/reference reference.go: the path alone may be 255 characters (v0.6.0; the domain is not counted). */
const NAME_TOTAL_LENGTH_MAX = 255;

/** Digest algorithms Kubernetes links (pkg/util/parsers imports crypto/sha256 and crypto/sha512), with hex lengths. */
const ALGORITHMS: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPO_PREFIX = 'library/';

/** go-digest Validate: `alg:hex` for an available algorithm. */
function validateDigest(digest: string): string | undefined {
  const i = digest.indexOf(':');
  if (i <= 0 || i + 1 === digest.length) return 'invalid checksum digest format';
  const algorithm = digest.slice(0, i);
  const encoded = digest.slice(i + 1);
  const size = ALGORITHMS[algorithm];
  if (size === undefined) return GO_DIGEST.test(digest) ? 'unsupported digest algorithm' : 'invalid checksum digest format';
  if (encoded.length !== size) return 'invalid checksum digest length';
  return /^[a-f0-9]+$/.test(encoded) ? undefined : 'invalid checksum digest format';
}

export function hasOuterWhitespace(raw: string): boolean {
  return raw !== raw.trim();
}

interface Parts {
  name: Span;
  tag: Span | null;
  digest: Span | null;
}

/** Where the name, tag and digest sit in the raw text (for pointing at the part that is wrong). */
function locateParts(raw: string): Parts {
  const at = raw.indexOf('@');
  const beforeDigest = at < 0 ? raw.length : at;
  const lastSlash = raw.lastIndexOf('/', beforeDigest);
  const colon = raw.indexOf(':', lastSlash + 1);
  const tagStart = colon >= 0 && colon < beforeDigest ? colon : -1;
  return {
    name: { start: 0, end: tagStart >= 0 ? tagStart : beforeDigest },
    tag: tagStart >= 0 ? { start: tagStart + 1, end: beforeDigest } : null,
    digest: at >= 0 ? { start: at + 1, end: raw.length } : null,
  };
}

/** The narrowest part of an unparsable reference that breaks the grammar. */
function badPart(raw: string): Span {
  if (hasOuterWhitespace(raw)) {
    const lead = raw.length - raw.trimStart().length;
    return lead > 0 ? { start: 0, end: lead } : { start: raw.trimEnd().length, end: raw.length };
  }
  const parts = locateParts(raw);
  const name = raw.slice(parts.name.start, parts.name.end);
  const components = name.split('/');
  let offset = 0;
  for (let i = 0; i < components.length; i++) {
    const c = components[i]!;
    const isDomain = i === 0 && components.length > 1 && ANCHORED_DOMAIN.test(c);
    if (!isDomain && !ANCHORED_COMPONENT.test(c)) {
      // An empty component: point at the slash that should have been followed by a name.
      return c.length ? { start: offset, end: offset + c.length } : { start: Math.max(0, offset - 1), end: Math.min(raw.length, Math.max(offset, 1)) };
    }
    offset += c.length + 1;
  }
  if (parts.tag && !ANCHORED_TAG.test(raw.slice(parts.tag.start, parts.tag.end))) {
    // An empty tag: point at the colon that promised one.
    return parts.tag.start === parts.tag.end ? { start: parts.tag.start - 1, end: parts.tag.start } : parts.tag;
  }
  if (parts.digest && !ANCHORED_DIGEST_SYNTAX.test(raw.slice(parts.digest.start, parts.digest.end))) {
    return parts.digest.start === parts.digest.end ? { start: parts.digest.start - 1, end: parts.digest.start } : parts.digest;
  }
  return { start: 0, end: Math.max(1, raw.length) };
}

function fail(raw: string, message: string, kind: ImageReferenceErrorKind, span: Span): ImageReferenceResult {
  return { ok: false, error: { message, kubeletMessage: `couldn't parse image name ${JSON.stringify(raw)}: ${message}`, kind, span } };
}

/** splitDockerDomain (normalize.go): the first part is a domain when it has '.', ':', is localhost, or has upper case. */
function splitDockerDomain(name: string): { domain: string; remainder: string; remainderOffset: number; explicit: boolean } {
  const i = name.indexOf('/');
  const first = i < 0 ? '' : name.slice(0, i);
  let domain: string;
  let remainder: string;
  let remainderOffset: number;
  let explicit: boolean;
  if (i === -1 || (!/[.:]/.test(first) && first !== 'localhost' && first.toLowerCase() === first)) {
    domain = DEFAULT_DOMAIN;
    remainder = name;
    remainderOffset = 0;
    explicit = false;
  } else {
    domain = first;
    remainder = name.slice(i + 1);
    remainderOffset = i + 1;
    explicit = true;
  }
  if (domain === LEGACY_DEFAULT_DOMAIN) domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = OFFICIAL_REPO_PREFIX + remainder;
  return { domain, remainder, remainderOffset, explicit };
}

/** FamiliarName (normalize.go): strips docker.io/ and then library/ when one path component remains. */
function familiarName(domain: string, path: string): string {
  if (domain !== DEFAULT_DOMAIN) return `${domain}/${path}`;
  if (path.startsWith(OFFICIAL_REPO_PREFIX) && !path.slice(OFFICIAL_REPO_PREFIX.length).includes('/')) return path.slice(OFFICIAL_REPO_PREFIX.length);
  return path;
}

/** ParseNormalizedNamed + ParseImageName's view of an image. */
export function parseImageReference(raw: string): ImageReferenceResult {
  if (ANCHORED_IDENTIFIER.test(raw)) {
    return fail(raw, `invalid repository name (${raw}), cannot specify 64-byte hexadecimal strings`, 'hex-name', { start: 0, end: raw.length });
  }
  const split = splitDockerDomain(raw);
  const tagSep = split.remainder.indexOf(':');
  const remote = tagSep > -1 ? split.remainder.slice(0, tagSep) : split.remainder;
  if (remote.toLowerCase() !== remote) {
    // Point at the written path (without the library/ that normalization may have added).
    const written = raw.slice(split.remainderOffset);
    const end = written.search(/[:@]/);
    return fail(raw, `invalid reference format: repository name (${remote}) must be lowercase`, 'lowercase', {
      start: split.remainderOffset,
      end: split.remainderOffset + (end < 0 ? written.length : end),
    });
  }
  const full = `${split.domain}/${split.remainder}`;
  const m = REFERENCE.exec(full);
  if (!m) {
    if (full === '') return fail(raw, 'repository name must have at least one component', 'empty', { start: 0, end: 0 });
    if (REFERENCE.test(full.toLowerCase())) return fail(raw, 'repository name must be lowercase', 'lowercase', badPart(raw));
    return fail(raw, 'invalid reference format', raw === '' ? 'empty' : 'format', raw === '' ? { start: 0, end: 0 } : badPart(raw));
  }
  const nameMatch = ANCHORED_NAME.exec(m[1]!);
  const registry = nameMatch?.[1] ?? '';
  const repository = nameMatch?.[2] ?? m[1]!;
  const parts = locateParts(raw);
  if (repository.length > NAME_TOTAL_LENGTH_MAX) {
    return fail(raw, `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`, 'length', {
      start: split.remainderOffset,
      end: parts.name.end,
    });
  }
  const digest = m[3] ?? null;
  if (digest !== null) {
    const problem = validateDigest(digest);
    if (problem) return fail(raw, problem, 'digest', parts.digest ?? { start: 0, end: raw.length });
  }
  const tag = m[2] ?? null;
  return {
    ok: true,
    ref: {
      raw,
      registry,
      repository,
      tag,
      digest,
      fullName: `${registry}/${repository}`,
      familiarName: familiarName(registry, repository),
      registrySpan: split.explicit ? { start: 0, end: split.remainderOffset - 1 } : null,
      nameSpan: parts.name,
      tagSpan: parts.tag,
      digestSpan: parts.digest,
    },
  };
}

/** ParseImageName's tag: the written tag, else "latest" when there is neither tag nor digest, else "". */
export function kubeletTag(ref: Pick<ImageReference, 'tag' | 'digest'>): string {
  if (ref.tag !== null) return ref.tag;
  return ref.digest === null ? 'latest' : '';
}

/**
 * The key online checks use for an image (`podLens.registry.onlineChecks`: the rule image-digest-stale and the
 * server's look-ups agree on it): its name and tag as written, without the digest.
 */
export function tagKey(raw: string, nameEnd: number, tagSpan: { start: number; end: number } | null): string | undefined {
  return tagSpan ? `${raw.slice(0, nameEnd)}:${raw.slice(tagSpan.start, tagSpan.end)}` : undefined;
}
