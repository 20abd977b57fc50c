/**
 * Builds `yaml` package nodes (what views, hovers and fixes walk) from the nodes go-yaml composed, so a readable
 * document is parsed once, by Kubernetes' rules: values as kubectl sends them, ranges as written.
 */
import { Alias, Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { formatGoFloat } from '../yaml/go-value';
import type { YamlNode } from '../yaml/decode';
import { BINARY, kubernetesScalar } from '../yaml/resolve';

const SCALAR_TYPES = {
  plain: Scalar.PLAIN,
  single: Scalar.QUOTE_SINGLE,
  double: Scalar.QUOTE_DOUBLE,
  literal: Scalar.BLOCK_LITERAL,
  folded: Scalar.BLOCK_FOLDED,
} as const;

export function buildDocument(root: YamlNode | undefined, textLength: number, toChunkOffset: (offset: number) => number): Document.Parsed {
  const doc = new Document() as unknown as Document.Parsed;
  const at = toChunkOffset;
  const scalar = (n: YamlNode, value: unknown): Scalar => {
    const s = new Scalar(value);
    s.type = SCALAR_TYPES[n.style ?? 'plain'];
    s.range = [at(n.contentStart), at(n.end), at(n.end)];
    if (n.anchor !== undefined) s.anchor = n.anchor;
    return s;
  };
  const valueOf = (n: YamlNode): unknown => (n.tag === BINARY ? n.value : kubernetesScalar(n.tag, n.value, n.implicit));
  // Iterative: nesting is bounded by go-yaml (10,000 levels), not by the JavaScript stack.
  const build = (top: YamlNode): Node => {
    const made = new Map<YamlNode, Node>();
    const pending: YamlNode[] = [top];
    const order: YamlNode[] = [];
    while (pending.length > 0) {
      const n = pending.pop()!;
      order.push(n);
      for (const c of n.children) pending.push(c);
    }
    for (let i = order.length - 1; i >= 0; i--) {
      const n = order[i]!;
      let node: Node;
      if (n.kind === 'scalar') node = scalar(n, valueOf(n));
      else if (n.kind === 'alias') {
        const a = new Alias(n.value);
        a.range = [at(n.contentStart), at(n.end), at(n.end)];
        node = a as unknown as Node;
      } else if (n.kind === 'sequence') {
        const seq = new YAMLSeq();
        seq.items = n.children.map((c) => made.get(c)!);
        node = seq;
      } else {
        const map = new YAMLMap();
        for (let k = 0; k + 1 < n.children.length; k += 2) {
          const keyNode = n.children[k]!;
          // Keys as the JSON keys kubectl sends: `true` for `on`, `1` for `0x1`.
          const key = keyNode.kind === 'scalar' ? scalar(keyNode, jsonKey(valueOf(keyNode), keyNode.value)) : made.get(keyNode)!;
          map.items.push(new Pair(key, made.get(n.children[k + 1]!)!));
        }
        node = map;
      }
      if (n.kind === 'sequence' || n.kind === 'mapping') {
        (node as YAMLSeq).range = [at(n.contentStart), at(n.end), at(n.end)];
        if (n.flow) (node as YAMLSeq).flow = true;
        if (n.anchor !== undefined) (node as YAMLSeq).anchor = n.anchor;
      }
      made.set(n, node);
    }
    return made.get(top)!;
  };
  doc.contents = (root ? build(root) : null) as Document.Parsed['contents'];
  const start = root ? at(root.contentStart) : 0;
  doc.range = [start, root ? at(root.end) : 0, textLength];
  return doc;
}

function jsonKey(value: unknown, text: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isInteger(value) && !text.includes('.') && !/e/i.test(text) ? String(value) : formatGoFloat(value, 32);
  return text;
}
