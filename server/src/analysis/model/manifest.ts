/** The manifest model: every YAML document of a file, its object identity and the pod spec it carries. */
import { Document, isMap, isScalar, parseAllDocuments, parseDocument } from 'yaml';
import { BudgetExceeded, type Decoded, type KubeValue } from '../yaml/decode';
import { splitLikeKubectl } from '../yaml/kubectl-split';
import { readKubectlChunk } from '../yaml/read-stream';
import { objectView } from './api/object-view';
import type { ObjectMeta } from './api/types';
import { buildDocument } from './build-document';
import { CUSTOM_POD_TEMPLATES, type CustomPodTemplates } from './custom-resources';
import { customWorkloadsOf } from './custom-workloads';
import { hasTemplateAction, isGoTemplateChunk } from './go-template';
import { MapView, fieldPath, resolveNode } from './node-view';
import { podSpecView, type PodSpecView } from './pod-spec';
import { contains, type Span } from './span';
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
  /** The pod template (metadata + spec) holding the pod spec, when there is one. */
  template?: MapView;
  /** The Pod's metadata: the template's, or a Pod's own; undefined for containers gathered without a pod template. */
  podMetadata: ObjectMeta | undefined;
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
  /** Why kubectl cannot read this document (at most one: go-yaml stops at the first), at go-yaml's place. */
  syntaxErrors: SyntaxProblem[];
  /** Keys written twice in one mapping, as kubectl's decoder sees them (`y` and `yes` are one key). */
  duplicateKeys: DuplicateKey[];
  /** What kubectl sends for this document (sigs.k8s.io/yaml), or undefined when it cannot read it. */
  value: KubeValue | undefined;
  /** Reading stopped at the work budget: the document is too large to analyse, and nothing is said about it. */
  isCutOff: boolean;
  root: MapView | undefined;
  /** The object's `metadata`, typed. */
  metadata: ObjectMeta | undefined;
  apiVersion: string | undefined;
  kind: string | undefined;
  name: string | undefined;
  namespace: string | undefined;
  /** The first of `workloads`: most objects carry one pod spec. */
  workload: Workload | undefined;
  /** Every pod spec of the object: a RayCluster's head and worker groups, a Workflow's templates. */
  workloads: Workload[];
  /** The chunk has Go template code (`{{ … }}` making it unreadable or outside string content): only quiet analysis applies. */
  isGoTemplate: boolean;
}

/** What one chunk of text parses to, before it is placed in a file (reused while the chunk text is unchanged). */
export type ParsedChunk = Array<Omit<ManifestDocument, 'index' | 'offset'>>;

/** Chunk text → its parse: pass the same cache between versions of one file. */
export type ChunkCache = Map<string, ParsedChunk>;

export interface ManifestModel {
  text: string;
  documents: ManifestDocument[];
  /** Where the file stopped being read because it has more documents than the budget allows. */
  cutOffAt: number | undefined;
  /** The file is a Helm or other Go template (some document has template code). */
  isGoTemplate: boolean;
}

/**
 * Work budgets against hostile files (issue 17 item 8): steps of the reader per document (tokens and decoded nodes:
 * a 4.8 MB one-line flow list is about 5 M, a large real manifest a few thousand) and documents per file (a million
 * `---` lines). Past them, reading stops with a note.
 */
const MAX_STEPS_PER_DOCUMENT = 500_000;
export const MAX_DOCUMENTS_PER_FILE = 10_000;

/**
 * What decides where pod specs are: the built-in custom resource table plus the user's `podLens.podTemplates`. A chunk
 * cache holds parses made under one set: start a new cache when it changes (lsp/document-cache.ts does).
 */
export interface ParseOptions {
  podTemplates?: readonly CustomPodTemplates[];
}

/**
 * Reads one kubectl document with Kubernetes' reader: its verdict, its value, and for a readable document the nodes
 * views walk. An unreadable one is parsed by the tolerant `yaml` package instead, so its readable parts still get
 * analysed while it is being edited.
 */
function parseChunk(text: string, table: readonly CustomPodTemplates[]): ParsedChunk {
  let read: ReturnType<typeof readKubectlChunk>;
  try {
    read = readKubectlChunk(text, { maxSteps: MAX_STEPS_PER_DOCUMENT });
  } catch (error) {
    if (!(error instanceof BudgetExceeded)) throw error;
    return [describe(parseDocument('') as Document.Parsed, text, isGoTemplateChunk(text, undefined), undefined, table)];
  }
  const decoded: Decoded = read.decoded;
  if (decoded.ok) {
    const built = buildDocument(decoded.root, text.length, read.toChunkOffset);
    return withListItems(describe(built, text, isGoTemplateChunk(text, built), decoded, table), table);
  }
  let doc: Document.Parsed;
  try {
    // kubectl reads only the first YAML document of a piece (after `...`, the rest is ignored).
    doc = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false })[0] ?? (parseDocument('') as Document.Parsed);
  } catch {
    // The yaml package recurses per nesting level and can overflow where go-yaml does not: keep the verdict, lose the nodes.
    doc = parseDocument('') as Document.Parsed;
  }
  return withListItems(describe(doc, text, isGoTemplateChunk(text, undefined), decoded, table), table);
}

/**
 * `kind: List` (v1, `items`): kubectl applies each item as an object of its own. Each item becomes a document of its
 * own after the list, sharing its chunk, with field paths from the item (`items[2].spec…`).
 */
function withListItems(list: Omit<ManifestDocument, 'index' | 'offset'>, table: readonly CustomPodTemplates[]): ParsedChunk {
  const items = list.kind === 'List' && (list.apiVersion === 'v1' || list.apiVersion === undefined) ? list.root?.seq('items') : undefined;
  if (!items) return [list];
  const out: ParsedChunk = [list];
  for (const { index, view } of items.maps()) {
    // A document per item: its own cache identity and anchors; the nodes (and so the spans) are the list's.
    const doc = new Document() as unknown as Document.Parsed;
    doc.contents = view.node as unknown as Document.Parsed['contents'];
    doc.range = [view.span.start, view.span.end, view.span.end];
    const root = new MapView(doc, view.node, `items[${index}]`);
    const metadata = root.map('metadata');
    const name = metadata?.string('name');
    const namespace = metadata?.string('namespace');
    const workloads = findWorkloads(doc, root, name, namespace, table);
    out.push({
      ...list,
      doc,
      span: view.span,
      syntaxErrors: [],
      duplicateKeys: [],
      value: Array.isArray((list.value as { items?: unknown } | undefined)?.items) ? ((list.value as { items: KubeValue[] }).items[index] ?? undefined) : undefined,
      root,
      metadata: metadataOf(root),
      apiVersion: root.string('apiVersion'),
      kind: root.string('kind'),
      name,
      namespace,
      workload: workloads[0],
      workloads,
    });
  }
  return out;
}

function describe(doc: Document.Parsed, text: string, isGoTemplate: boolean, decoded: Decoded | undefined, table: readonly CustomPodTemplates[]): Omit<ManifestDocument, 'index' | 'offset'> {
  const syntaxErrors: SyntaxProblem[] =
    decoded && !decoded.ok ? [{ message: decoded.error, span: errorSpan(text, decoded.offset, decoded.contextOffset), code: 'KUBECTL' }] : [];
  const duplicateKeys: DuplicateKey[] = decoded?.ok
    ? decoded.repeatedKeys.map(({ offset }) => {
        const key = keyAt(text, offset);
        return { key, span: { start: offset, end: offset + Math.max(1, key.length) } };
      })
    : [];
  const contents = resolveNode(doc, doc.contents);
  const root = isMap(contents) ? new MapView(doc, contents, '') : undefined;
  const apiVersion = root?.string('apiVersion');
  const kind = root?.string('kind');
  const metadata = root?.map('metadata');
  const name = metadata?.string('name');
  const namespace = metadata?.string('namespace');
  const range = doc.range;
  const workloads = root ? findWorkloads(doc, root, name, namespace, table) : [];
  return {
    text,
    doc,
    span: { start: range[0], end: range[1] },
    syntaxErrors,
    duplicateKeys,
    value: decoded?.ok ? decoded.value : undefined,
    isCutOff: decoded === undefined,
    root,
    metadata: root ? metadataOf(root) : undefined,
    apiVersion,
    kind,
    name,
    namespace,
    workload: workloads[0],
    workloads,
    isGoTemplate,
  };
}

/**
 * Where to show kubectl's error: at go-yaml's problem mark, to the end of that line. At the end of the document
 * (an unclosed quote or bracket) nothing would show: then where the unclosed construct starts. Errors without a place
 * (a float JSON cannot encode) sit on the first value that causes them, else on the first line.
 */
function errorSpan(text: string, offset: number | undefined, contextOffset: number | undefined): Span {
  let at = offset ?? findUnencodable(text);
  if (text.slice(at).trim() === '' && contextOffset !== undefined && text.slice(contextOffset).trim() !== '') at = contextOffset;
  else if (text.slice(at).trim() === '') {
    const content = text.slice(0, at).trimEnd();
    at = content.lastIndexOf('\n') + 1;
    at += text.slice(at).length - text.slice(at).trimStart().length;
  }
  const nl = text.indexOf('\n', at);
  const end = (nl < 0 ? text.length : nl) - (text[nl - 1] === '\r' ? 1 : 0);
  return { start: at, end: Math.max(end, Math.min(at + 1, text.length)) };
}

/** The first `.inf` or `.nan` plain scalar: encoding/json refuses them without saying where. */
function findUnencodable(text: string): number {
  const m = /(?<=[\s:[{,-])[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)(?=\s|$|[,\]}])/.exec(text);
  if (m) return m.index;
  return text.length - text.trimStart().length;
}

/** The key text at an offset (plain or quoted), for naming a duplicate key. */
function keyAt(text: string, at: number): string {
  const m = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:\n#,{}[\]]*[^\s:,{}[\]])/.exec(text.slice(at, at + 300));
  return m ? m[1]! : '';
}

function metadataOf(object: MapView): ObjectMeta | undefined {
  const metadata = object.map('metadata');
  return metadata && objectView<ObjectMeta>(metadata, 'V1ObjectMeta');
}

/** Built-in kinds carry one pod spec at a fixed path; custom resources (custom-workloads.ts) may carry several. */
function findWorkloads(
  doc: Document.Parsed,
  root: MapView,
  name: string | undefined,
  namespace: string | undefined,
  table: readonly CustomPodTemplates[],
): Workload[] {
  const replicasNode = root.map('spec')?.get('replicas')?.node;
  const replicas = isScalar(replicasNode) && typeof replicasNode.value === 'number' ? replicasNode.value : undefined;
  const kind = workloadKindOf(root.get('apiVersion')?.value, root.get('kind')?.value);
  if (!kind) return customWorkloadsOf(doc, root, table).map((w) => ({ ...w, name, namespace, replicas, podMetadata: w.template && metadataOf(w.template) }));
  let view: MapView | undefined = root;
  let parent: MapView | undefined;
  let path = root.path;
  for (const key of kind.podSpecPath) {
    path = fieldPath(path, key);
    parent = view;
    view = view?.map(key, path);
  }
  if (!view) return [];
  const podSpec = podSpecView(doc, view.node, path, kind.isPodTemplate);
  if (!podSpec) return [];
  const template = kind.isPodTemplate ? parent : undefined;
  return [{ kind, name, namespace, podSpec, replicas, template, podMetadata: metadataOf(template ?? root) }];
}

/**
 * Parses a manifest file. `cache` maps chunk text to its parsed documents; pass the same Map between versions of
 * one file so unchanged documents are not parsed again (the caller decides its lifetime).
 */
export function parseManifests(text: string, cache?: ChunkCache, options: ParseOptions = {}): ManifestModel {
  const table = options.podTemplates?.length ? [...options.podTemplates, ...CUSTOM_POD_TEMPLATES] : CUSTOM_POD_TEMPLATES;
  const documents: ManifestDocument[] = [];
  const nextCache: ChunkCache = new Map();
  let cutOffAt: number | undefined;
  for (const chunk of splitLikeKubectl(text)) {
    if (documents.length >= MAX_DOCUMENTS_PER_FILE) {
      cutOffAt = chunk.offset;
      break;
    }
    const parsed = cache?.get(chunk.text) ?? nextCache.get(chunk.text) ?? parseChunk(chunk.text, table);
    nextCache.set(chunk.text, parsed);
    for (const d of parsed) documents.push({ ...d, index: documents.length, offset: chunk.offset });
  }
  if (cache) {
    cache.clear();
    for (const [k, v] of nextCache) cache.set(k, v);
  }
  return { text, documents, cutOffAt, isGoTemplate: documents.some((d) => d.isGoTemplate) };
}

/** The workloads of a model with their documents: one entry per pod spec. */
export function workloadsOf(model: ManifestModel): Array<{ document: ManifestDocument; workload: Workload }> {
  return model.documents.flatMap((document) => document.workloads.map((workload) => ({ document, workload })));
}

/** The document whose chunk holds a file offset. */
export function documentAt(model: ManifestModel, offset: number): ManifestDocument | undefined {
  let found: ManifestDocument | undefined;
  for (const d of model.documents) if (d.offset <= offset && offset <= d.offset + d.text.length) found ??= d;
  // The items of a `kind: List` share its chunk: pick the narrowest document whose span holds the offset.
  const holding = model.documents.filter((d) => found && d.offset === found.offset && offset - d.offset >= d.span.start && offset - d.offset <= d.span.end);
  holding.sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start));
  const document = holding[0] ?? found;
  return document && withWorkloadAt(document, offset - document.offset);
}

/**
 * A document that carries several pod specs (a RayCluster's groups), seen from one offset: its `workload` is the pod
 * spec holding the offset, so hovers and completions read the right one.
 */
function withWorkloadAt(document: ManifestDocument, local: number): ManifestDocument {
  if (document.workloads.length < 2) return document;
  const holding = document.workloads.find((w) => {
    return contains((w.template ?? w.podSpec.view).span, local);
  });
  return holding && holding !== document.workload ? { ...document, workload: holding } : document;
}

/** Whether a file is a Go template (for the workspace index, which leaves templates out). Parses only text with `{{`. */
export function isGoTemplate(text: string): boolean {
  return hasTemplateAction(text) && parseManifests(text).isGoTemplate;
}
