/** go-yaml v2's composer (gopkg.in/yaml.v2 decode.go parser): events into nodes with anchors resolved, and the failures of reading. */
import { Parser, type YamlEvent } from './parser';
import type { Mark } from './scanner';

/** A composed node (decode.go node) with where it was written. */
export interface YamlNode {
  kind: 'scalar' | 'mapping' | 'sequence' | 'alias';
  start: Mark;
  /** Where its own text starts, after an anchor or a tag. */
  contentStart: number;
  /** Offset just past the node's text (for a block collection: past its last entry). */
  end: number;
  tag: string;
  value: string;
  implicit: boolean;
  children: YamlNode[];
  alias?: YamlNode;
  anchor?: string;
  style?: YamlEvent['style'];
  flow?: boolean;
}

/** A failure with kubectl's own message (go-yaml's failf, sigs.k8s.io/yaml, encoding/json). */
export class DecodeFailure extends Error {
  constructor(message: string, readonly mark?: Mark) {
    super(message);
  }
}

/** Limits against hostile input: go-yaml's own alias ratio (decode.go allowedAliasRatio) plus a step budget. */
export interface DecodeBudget {
  /** Scanner and decoder steps before giving up (the document is then "too large to read"). */
  maxSteps: number;
}

export class BudgetExceeded extends Error {}

/** The first document's nodes, or undefined for an empty stream. */
export function compose(parser: Parser, budget: DecodeBudget): YamlNode | undefined {
  const anchors = new Map<string, YamlNode>();
  let pending: YamlEvent | undefined;
  const peek = (): YamlEvent => {
    if (parser.scanner.steps > budget.maxSteps) throw new BudgetExceeded();
    pending ??= parser.next();
    if (!pending) throw new DecodeFailure('yaml: attempted to go past the end of stream; corrupted value?');
    return pending;
  };
  const take = (): YamlEvent => {
    const e = peek();
    pending = undefined;
    return e;
  };
  const node = (e: YamlEvent, kind: YamlNode['kind']): YamlNode => {
    const n: YamlNode = { kind, start: e.start, contentStart: (e.contentStart ?? e.start).offset, end: e.end.offset, tag: e.tag ?? '', value: e.value ?? '', implicit: e.implicit ?? false, children: [], style: e.style, flow: e.flow };
    if (e.anchor !== undefined && kind !== 'alias') {
      anchors.set(e.anchor, n);
      n.anchor = e.anchor;
    }
    return n;
  };
  // Explicit stacks: nesting depth is bounded by the scanner (10,000 levels), not by the JavaScript stack.
  const parseNode = (): YamlNode => {
    const e = take();
    if (e.type === 'alias') {
      const n = node(e, 'alias');
      n.value = e.anchor ?? '';
      n.alias = anchors.get(n.value);
      if (!n.alias) throw new DecodeFailure(`yaml: unknown anchor '${n.value}' referenced`, e.start);
      return n;
    }
    if (e.type === 'scalar') return node(e, 'scalar');
    if (e.type === 'sequence-start' || e.type === 'mapping-start') {
      const root = node(e, e.type === 'sequence-start' ? 'sequence' : 'mapping');
      const stack: YamlNode[] = [root];
      while (stack.length > 0) {
        const top = stack[stack.length - 1]!;
        const next = take();
        if (next.type === 'sequence-end' || next.type === 'mapping-end') {
          // A flow collection ends at its bracket; a block one at its last entry (the end event sits at the next token).
          const last = top.children[top.children.length - 1];
          top.end = top.flow ? next.end.offset : Math.max(last?.end ?? top.end, top.end);
          stack.pop();
          continue;
        }
        let child: YamlNode;
        if (next.type === 'alias') {
          child = node(next, 'alias');
          child.value = next.anchor ?? '';
          child.alias = anchors.get(child.value);
          if (!child.alias) throw new DecodeFailure(`yaml: unknown anchor '${child.value}' referenced`, next.start);
        } else if (next.type === 'scalar') child = node(next, 'scalar');
        else if (next.type === 'sequence-start' || next.type === 'mapping-start') {
          child = node(next, next.type === 'sequence-start' ? 'sequence' : 'mapping');
          stack.push(child);
        } else throw new DecodeFailure(`yaml: attempted to parse unknown event: ${next.type}`);
        top.children.push(child);
      }
      return root;
    }
    throw new DecodeFailure(`yaml: attempted to parse unknown event: ${e.type}`);
  };
  if (take().type !== 'stream-start') return undefined;
  const first = peek();
  if (first.type === 'stream-end') return undefined;
  take(); // document-start
  const root = parseNode();
  const end = take();
  if (end.type !== 'document-end') throw new DecodeFailure(`yaml: expected DOCUMENT-END event but got ${end.type}`);
  return root;
}

