/** Typed, located views over `yaml` nodes, so rules read fields with their span and Kubernetes field path instead of raw nodes. */
import { isAlias, isMap, isScalar, isSeq, visit, Alias, Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Located, Span } from './span';
import { effectivePairs } from './merge-keys';

/** Aliases are followed at most this deep; alias bombs are bounded by the yaml package's maxAliasCount too. */
const MAX_ALIAS_DEPTH = 20;
const MAX_ALIAS_COUNT = 10_000;

export type YamlNode = Node;

/** Field path of a struct field: `spec` + `containers` → `spec.containers`. */
export function fieldPath(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}

/** Field path of a list item or a map entry, as the API server writes it: `containers[0]`, `limits[memory]`. */
export function indexPath(parent: string, index: number | string): string {
  return `${parent}[${index}]`;
}

export function nodeSpan(node: Node | null | undefined, fallback: Span): Span {
  const range = node?.range;
  if (!range) return fallback;
  return { start: range[0], end: range[1] };
}

/** Anchors of a document by name, in document order: built once, so resolving an alias is not a walk of the document. */
const ANCHORS = new WeakMap<Document, Map<string, Node[]>>();

function anchorsOf(doc: Document): Map<string, Node[]> {
  let anchors = ANCHORS.get(doc);
  if (!anchors) {
    const found = new Map<string, Node[]>();
    visit(doc, {
      Node(_key, node) {
        const anchor = (node as { anchor?: string }).anchor;
        if (anchor && !isAlias(node)) found.set(anchor, [...(found.get(anchor) ?? []), node as Node]);
      },
    });
    anchors = found;
    ANCHORS.set(doc, anchors);
  }
  return anchors;
}

/** YAML: an alias refers to the closest anchor of that name before it. */
function resolveAlias(doc: Document, alias: Alias): Node | null {
  const candidates = anchorsOf(doc).get(alias.source) ?? [];
  const at = alias.range?.[0] ?? Number.MAX_SAFE_INTEGER;
  let best: Node | null = null;
  for (const c of candidates) if ((c.range?.[0] ?? 0) < at) best = c;
  return best;
}

/** Follows aliases to the anchored node (bounded, so a cyclic or deep alias chain cannot hang us). */
export function resolveNode(doc: Document, node: unknown): Node | null {
  let current: unknown = node;
  for (let i = 0; i < MAX_ALIAS_DEPTH && isAlias(current); i++) {
    current = resolveAlias(doc, current);
  }
  if (isAlias(current)) return null;
  return (current as Node | null) ?? null;
}

/** A scalar's own value, or undefined for collections and missing nodes. */
function scalarValue(node: Node | null): unknown {
  return isScalar(node) ? node.value : undefined;
}

/** Offset of a scalar's first content character: past the opening quote of a quoted scalar. */
export function scalarContentStart(node: Node): number {
  const start = node.range?.[0] ?? 0;
  if (isScalar(node) && (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE)) return start + 1;
  return start;
}

/** Plain JS of a node, bounded against alias bombs; undefined when the yaml package refuses it. */
function plainValue(doc: Document, node: Node | null): unknown {
  if (node === null) return null;
  try {
    return node.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return undefined;
  }
}

/** A located node: the value node (aliases resolved), where it was written, the key span, and its field path. */
export interface Field extends Located<unknown> {
  node: Node | null;
  keySpan: Span;
  /** Span of the whole `key: value` entry. */
  entrySpan: Span;
}

/** A mapping with its field path. */
export class MapView {
  constructor(
    readonly doc: Document,
    readonly node: YAMLMap,
    readonly path: string,
  ) {}

  get span(): Span {
    return nodeSpan(this.node, { start: 0, end: 0 });
  }

  /**
   * The pair whose key is `key` (plain or quoted scalar keys). A key written twice is the last one: sigs.k8s.io/yaml
   * decodes into a map, so kubectl sends the last value (yaml-duplicate-key reports the repeat). A scan: mappings are small.
   */
  pair(key: string): Pair | undefined {
    const pairs = effectivePairs(this.doc, this.node);
    // From the end: the first match found is the last written.
    for (let i = pairs.length - 1; i >= 0; i--) {
      const item = pairs[i]!;
      const k = item.key;
      if (isScalar(k) ? k.value === key : k === key) return item as Pair;
    }
    return undefined;
  }

  has(key: string): boolean {
    return this.pair(key) !== undefined;
  }

  keys(): string[] {
    const out: string[] = [];
    for (const item of effectivePairs(this.doc, this.node)) {
      const k = isScalar(item.key) ? item.key.value : item.key;
      if (typeof k === 'string') out.push(k);
    }
    return out;
  }

  /** A field by key; `path` is the struct field path (`parent.key`). */
  get(key: string, path: string = fieldPath(this.path, key)): Field | undefined {
    const pair = this.pair(key);
    if (!pair) return undefined;
    const keyNode = pair.key as Node | null;
    const keySpan = nodeSpan(keyNode, this.span);
    const node = resolveNode(this.doc, pair.value);
    const rawValue = pair.value as Node | null;
    // A value written as an alias points at its own `*name`, not at the anchor far away.
    const span = rawValue?.range ? nodeSpan(rawValue, keySpan) : keySpan;
    const end = Math.max(span.end, keySpan.end);
    return { value: scalarValue(node), node, span, path, keySpan, entrySpan: { start: keySpan.start, end } };
  }

  /** A scalar field's value when it is a string. */
  string(key: string): string | undefined {
    const v = this.get(key)?.value;
    return typeof v === 'string' ? v : undefined;
  }

  map(key: string, path: string = fieldPath(this.path, key)): MapView | undefined {
    const node = this.get(key)?.node;
    return isMap(node) ? new MapView(this.doc, node, path) : undefined;
  }

  seq(key: string, path: string = fieldPath(this.path, key)): SeqView | undefined {
    const node = this.get(key)?.node;
    return isSeq(node) ? new SeqView(this.doc, node, path) : undefined;
  }

  /** Entries of a map whose keys are data (labels, resource names): paths use `[key]`. */
  entries(): Array<{ key: string; field: Field }> {
    return this.keys().map((key) => ({ key, field: this.get(key, indexPath(this.path, key))! }));
  }

  /** Plain JS of the whole map. */
  toJS(): unknown {
    return plainValue(this.doc, this.node);
  }
}

/** A sequence with its field path. */
export class SeqView {
  constructor(
    readonly doc: Document,
    readonly node: YAMLSeq,
    readonly path: string,
  ) {}

  get span(): Span {
    return nodeSpan(this.node, { start: 0, end: 0 });
  }

  get length(): number {
    return this.node.items.length;
  }

  /** Items with their resolved nodes and paths `path[i]`. */
  items(): Field[] {
    return this.node.items.map((item, i) => {
      const node = resolveNode(this.doc, item);
      const span = nodeSpan(item as Node, this.span);
      return { value: scalarValue(node), node, span, path: indexPath(this.path, i), keySpan: span, entrySpan: span };
    });
  }

  /** Items that are mappings, as views (other items are skipped: a shape the API would reject elsewhere). */
  maps(): Array<{ index: number; view: MapView }> {
    const out: Array<{ index: number; view: MapView }> = [];
    this.items().forEach((item, index) => {
      if (isMap(item.node)) out.push({ index, view: new MapView(this.doc, item.node, item.path) });
    });
    return out;
  }
}

/** The quote a scalar is written with ('' for plain, '"' or "'"), so an edit can keep it. */
export function quoteOf(node: unknown): '' | '"' | "'" {
  if (!isScalar(node)) return '';
  if (node.type === Scalar.QUOTE_DOUBLE) return '"';
  if (node.type === Scalar.QUOTE_SINGLE) return "'";
  return '';
}

/**
 * The quote of a string scalar written plainly (its text is exactly quote + value + quote, no escapes), or undefined:
 * only such scalars can be replaced as a whole without changing what else they say.
 */
export function plainQuote(text: string, field: { node: Node | null; value: unknown; span: Span }): '' | '"' | "'" | undefined {
  if (typeof field.value !== 'string') return undefined;
  const quote = quoteOf(field.node);
  return text.slice(field.span.start, field.span.end) === `${quote}${field.value}${quote}` ? quote : undefined;
}
