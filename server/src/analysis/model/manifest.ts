/** The manifest model: every YAML document of a file, its object identity and the pod spec it carries. */
import { isMap, isScalar, parseAllDocuments, parseDocument, YAMLParseError } from 'yaml';
import type { Document } from 'yaml';
import { MapView, fieldPath, resolveNode } from './node-view';
import { podSpecView, type PodSpecView } from './pod-spec';
import type { Span } from './span';
import { splitDocuments } from './split-documents';
import { workloadKindOf, type WorkloadKind } from './workload-kinds';

export interface DuplicateKey {
  key: string;
  /** Local span of the repeated key. */
  span: Span;
}

export interface SyntaxProblem {
  message: string;
  /** Local span (relative to the document's chunk). */
  span: Span;
  code: string;
}

export interface Workload {
  kind: WorkloadKind;
  name: string | undefined;
  namespace: string | undefined;
  podSpec: PodSpecView;
  /** `spec.replicas` of workloads that have it. */
  replicas: number | undefined;
}

/**
 * One YAML document. All spans inside it (nodes, views, findings of its rules) are LOCAL: relative to `offset`,
 * the start of its chunk in the file. That lets an unchanged document keep its parse and findings when text
 * before it changes; `analyze` shifts them to file offsets in one place.
 */
export interface ManifestDocument {
  /** Position among the file's documents. */
  index: number;
  /** Offset of this document's chunk in the file. */
  offset: number;
  /** The chunk text the local spans index into. */
  text: string;
  doc: Document.Parsed;
  /** Local span of the document content. */
  span: Span;
  syntaxErrors: SyntaxProblem[];
  /** Keys written twice in one mapping (found by the parser; YAML forbids them, clients disagree on the result). */
  duplicateKeys: DuplicateKey[];
  root: MapView | undefined;
  apiVersion: string | undefined;
  kind: string | undefined;
  name: string | undefined;
  namespace: string | undefined;
  workload: Workload | undefined;
  /** The chunk contains Go template markers (`{{ … }}`): only quiet analysis applies. */
  isTemplated: boolean;
}

/** What one chunk of text parses to, before it is placed in a file (reused while the chunk text is unchanged). */
export type ParsedChunk = Array<Omit<ManifestDocument, 'index' | 'offset'>>;

/** Chunk text → its parse: pass the same cache between versions of one file. */
export type ChunkCache = Map<string, ParsedChunk>;

export interface ManifestModel {
  text: string;
  documents: ManifestDocument[];
  /** The file is a Helm or other Go template. */
  isTemplate: boolean;
}

const TEMPLATE_MARKER = /\{\{[\s\S]*?\}\}/;

/** Parses one chunk (usually one document; more when `...` ends a document without a `---`). */
function parseChunk(text: string): ParsedChunk {
  const isTemplated = TEMPLATE_MARKER.test(text);
  let docs: Document.Parsed[];
  try {
    const parsed = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true });
    docs = Array.isArray(parsed) ? parsed : [];
  } catch (error) {
    // The yaml package recurses per nesting level: absurd nesting overflows the stack. Report it, do not crash.
    docs = [unparsable(text, error)];
  }
  return docs.map((doc) => describe(doc, text, isTemplated));
}

function unparsable(text: string, error: unknown): Document.Parsed {
  const doc = parseDocument('') as Document.Parsed;
  const reason = error instanceof RangeError ? 'it is nested too deeply' : `the parser failed (${String(error)})`;
  doc.errors.push(new YAMLParseError([0, Math.min(1, text.length)], 'IMPOSSIBLE', `This document cannot be read: ${reason}.`));
  return doc;
}

function describe(doc: Document.Parsed, text: string, isTemplated: boolean): Omit<ManifestDocument, 'index' | 'offset'> {
  const syntaxErrors: SyntaxProblem[] = [];
  const duplicateKeys: DuplicateKey[] = [];
  for (const e of doc.errors) {
    const span = { start: clamp(e.pos[0], text), end: clamp(Math.max(e.pos[1], e.pos[0] + 1), text) };
    // The parser checks key uniqueness while composing (cheaper than a second walk); it is a warning, not a syntax error.
    if (e.code === 'DUPLICATE_KEY') duplicateKeys.push({ key: keyAt(text, span.start), span: { start: span.start, end: span.start + keyAt(text, span.start).length || span.end } });
    else syntaxErrors.push({ message: e.message, span, code: e.code });
  }
  const contents = resolveNode(doc, doc.contents);
  const root = isMap(contents) ? new MapView(doc, contents, '') : undefined;
  const apiVersion = root?.string('apiVersion');
  const kind = root?.string('kind');
  const metadata = root?.map('metadata');
  const name = metadata?.string('name');
  const namespace = metadata?.string('namespace');
  const range = doc.range;
  return {
    text,
    doc,
    span: { start: range[0], end: range[1] },
    syntaxErrors,
    duplicateKeys,
    root,
    apiVersion,
    kind,
    name,
    namespace,
    workload: root ? findWorkload(doc, root, name, namespace) : undefined,
    isTemplated,
  };
}

/** The key text at an offset (plain or quoted), for naming a duplicate key. */
function keyAt(text: string, at: number): string {
  const m = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:\n#,{}[\]]*[^\s:,{}[\]])/.exec(text.slice(at, at + 300));
  return m ? m[1]! : '';
}

function clamp(n: number, text: string): number {
  return Math.max(0, Math.min(n, text.length));
}

function findWorkload(
  doc: Document.Parsed,
  root: MapView,
  name: string | undefined,
  namespace: string | undefined,
): Workload | undefined {
  const kind = workloadKindOf(root.get('apiVersion')?.value, root.get('kind')?.value);
  if (!kind) return undefined;
  let view: MapView | undefined = root;
  let path = '';
  for (const key of kind.podSpecPath) {
    path = fieldPath(path, key);
    view = view?.map(key, path);
  }
  if (!view) return undefined;
  const podSpec = podSpecView(doc, view.node, path, kind.isTemplate);
  if (!podSpec) return undefined;
  const replicasNode = root.map('spec')?.get('replicas')?.node;
  const replicas = isScalar(replicasNode) && typeof replicasNode.value === 'number' ? replicasNode.value : undefined;
  return { kind, name, namespace, podSpec, replicas };
}

/**
 * Parses a manifest file. `cache` maps chunk text to its parsed documents; pass the same Map between versions of
 * one file so unchanged documents are not parsed again (the caller decides its lifetime).
 */
export function parseManifests(text: string, cache?: ChunkCache): ManifestModel {
  const documents: ManifestDocument[] = [];
  const nextCache: ChunkCache = new Map();
  for (const chunk of splitDocuments(text)) {
    const parsed = cache?.get(chunk.text) ?? nextCache.get(chunk.text) ?? parseChunk(chunk.text);
    nextCache.set(chunk.text, parsed);
    for (const d of parsed) documents.push({ ...d, index: documents.length, offset: chunk.offset });
  }
  if (cache) {
    cache.clear();
    for (const [k, v] of nextCache) cache.set(k, v);
  }
  return { text, documents, isTemplate: TEMPLATE_MARKER.test(text) };
}

/** The workloads of a model with their documents. */
export function workloadsOf(model: ManifestModel): Array<{ document: ManifestDocument; workload: Workload }> {
  return model.documents.flatMap((document) => (document.workload ? [{ document, workload: document.workload }] : []));
}

/** The document whose chunk holds a file offset. */
export function documentAt(model: ManifestModel, offset: number): ManifestDocument | undefined {
  let found: ManifestDocument | undefined;
  for (const d of model.documents) if (d.offset <= offset && offset <= d.offset + d.text.length) found ??= d;
  // Several documents can share one chunk (`...`): pick the one whose span holds the offset.
  const same = model.documents.filter((d) => found && d.offset === found.offset);
  return same.find((d) => offset - d.offset >= d.span.start && offset - d.offset <= d.span.end) ?? found;
}
