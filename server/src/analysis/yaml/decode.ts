/**
 * What kubectl does with one document: go-yaml v2 composes nodes (gopkg.in/yaml.v2 decode.go parser) and decodes them
 * into Go values (decoder, with merge keys and its alias limits), then sigs.k8s.io/yaml (yaml.go YAMLToJSON) turns map
 * keys into strings and encoding/json writes the JSON. Returns the JSON value or the error kubectl prints.
 */
import { isForbidden } from './chars';
import { formatGoFloat, GoMap, goSharpV, goTypeName, isGoNumber, type GoValue } from './go-value';
import { Parser, type YamlEvent } from './parser';
import { BINARY, MERGE, resolveScalar, ResolveError, STR, TIMESTAMP } from './resolve';
import { YamlProblem, type Mark } from './scanner';

/** A JSON value as kubectl sends it; integers beyond 2^53 are bigints so they stay exact. */
export type KubeValue = null | boolean | number | bigint | string | KubeValue[] | { [key: string]: KubeValue };

/** A key written twice in one mapping: kubectl keeps the last value (the decoder's map simply overwrites). */
export interface RepeatedKey {
  /** UTF-16 offset of the repeated key in the document. */
  offset: number;
  key: string;
}

export type Decoded =
  | { ok: true; value: KubeValue; repeatedKeys: RepeatedKey[]; /** The composed nodes, for spans. */ root: YamlNode | undefined }
  | {
      ok: false;
      error: string;
      /** UTF-16 offset of the failure in the document, when go-yaml knows one. */
      offset?: number;
      /** Where the construct that failed starts (an unclosed quote or bracket). */
      contextOffset?: number;
      line?: number;
    };

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

class DecodeFailure extends Error {
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

/** Reads one document (the text between two `---` lines) as yaml.YAMLToJSON does. */
export function decodeDocument(text: string, budget: DecodeBudget = { maxSteps: Number.POSITIVE_INFINITY }): Decoded {
  const input = text === '' ? '\n' : text;
  const parser = new Parser(input);
  try {
    const root = compose(parser, budget);
    const decoder = new Decoder(budget);
    const value = root === undefined ? null : decoder.decode(root);
    const readerError = forbiddenCharacterBefore(input, parser.scanner.offset);
    if (readerError !== undefined) return { ok: false, error: 'yaml: control characters are not allowed', offset: readerError };
    return { ok: true, value: toJson(value, decoder.hasNonFinite), repeatedKeys: [...decoder.repeatedKeys.values()], root };
  } catch (error) {
    if (error instanceof BudgetExceeded) throw error;
    const readerError = forbiddenCharacterBefore(input, parser.scanner.offset);
    if (readerError !== undefined) return { ok: false, error: 'yaml: control characters are not allowed', offset: readerError };
    if (error instanceof YamlProblem) {
      const line = problemLine(error);
      return {
        ok: false,
        error: `yaml: ${line ? `line ${line}: ` : ''}${error.problem}`,
        offset: (error.problemMark ?? error.contextMark)?.offset,
        contextOffset: error.contextMark?.offset,
        line,
      };
    }
    if (error instanceof DecodeFailure) return { ok: false, error: error.message, offset: error.mark?.offset, line: error.mark ? error.mark.line + 1 : undefined };
    if (error instanceof ResolveError) return { ok: false, error: `yaml: ${error.message}` };
    // go-yaml nests up to 10,000 levels; JavaScript's stack may end first. Say so rather than crash.
    if (error instanceof RangeError) return { ok: false, error: 'Pod Lens cannot follow this document: it is nested too deeply' };
    throw error;
  }
}

/** decode.go parser.fail: the problem's line (1-based for scanner errors), else the context's. */
function problemLine(p: YamlProblem): number | undefined {
  if (p.problemMark && p.problemMark.line !== 0) return p.problemMark.line + (p.kind === 'scanner' ? 1 : 0);
  if (p.contextMark && p.contextMark.line !== 0) return p.contextMark.line;
  return undefined;
}

/**
 * go-yaml's reader decodes its input in blocks of 512 bytes and refuses a control character as soon as its block is
 * read (readerc.go), possibly before the scanner reaches it. The first forbidden character counts when it sits in a
 * block the scanner had started reading.
 */
function forbiddenCharacterBefore(text: string, scannedTo: number): number | undefined {
  let bytes = 0;
  let blockOfScanner = -1;
  for (let i = 0; i < text.length; i++) {
    if (i === Math.min(scannedTo + 4, text.length - 1)) blockOfScanner = Math.floor(bytes / 512);
    const c = text.charCodeAt(i);
    if (isForbidden(c)) {
      if (blockOfScanner < 0 || Math.floor(bytes / 512) <= blockOfScanner) return i;
      return undefined;
    }
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : c >= 0xdc00 && c <= 0xdfff ? 0 : 3;
  }
  return undefined;
}

// ---- composing (decode.go parser) --------------------------------------------------------------------------------

function compose(parser: Parser, budget: DecodeBudget): YamlNode | undefined {
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

// ---- decoding into Go values (decode.go decoder) -----------------------------------------------------------------

/** decode.go allowedAliasRatio. */
function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= 400_000) return 0.99;
  if (decodeCount >= 4_000_000) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - 400_000) / 3_600_000);
}

class Decoder {
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;
  private readonly active = new Set<YamlNode>();
  /** A NaN or an infinity was decoded: encoding/json will refuse the document. */
  hasNonFinite = false;
  /** By offset: a key inside an anchored mapping is met again at every alias of it. */
  readonly repeatedKeys = new Map<number, RepeatedKey>();

  constructor(private readonly budget: DecodeBudget) {}

  decode(n: YamlNode): GoValue {
    return this.unmarshal(n, undefined);
  }

  /** Decodes a node; `into` is the map a merge key writes into. */
  private unmarshal(n: YamlNode, into: GoMap | undefined): GoValue {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (this.decodeCount > this.budget.maxSteps) throw new BudgetExceeded();
    if (this.aliasCount > 100 && this.decodeCount > 1000 && this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)) {
      throw new DecodeFailure('yaml: document contains excessive aliasing', n.start);
    }
    if (n.kind === 'alias') {
      if (this.active.has(n)) throw new DecodeFailure(`yaml: anchor '${n.value}' value contains itself`, n.start);
      this.active.add(n);
      this.aliasDepth++;
      const v = this.unmarshal(n.alias!, into);
      this.aliasDepth--;
      this.active.delete(n);
      return v;
    }
    if (n.kind === 'scalar') return this.scalar(n);
    if (n.kind === 'sequence') {
      // A loop here rather than a helper: one stack frame per nesting level, for documents nested thousands deep.
      const items: GoValue[] = [];
      for (const c of n.children) items.push(this.unmarshal(c, undefined));
      return items;
    }
    return this.mapping(n, into ?? new GoMap());
  }

  private scalar(n: YamlNode): GoValue {
    // A quoted scalar without a tag is a string; anything else is resolved by its text and tag.
    if (n.tag === '' && !n.implicit) return n.value;
    let resolved;
    try {
      resolved = resolveScalar(n.tag, n.value);
    } catch (error) {
      if (error instanceof ResolveError) throw new DecodeFailure(`yaml: ${error.message}`, n.start);
      throw error;
    }
    if (resolved.tag === BINARY) {
      const data = decodeBase64(String(resolved.value));
      if (data === undefined) throw new DecodeFailure('yaml: !!binary value contains invalid base64 data', n.start);
      return data;
    }
    const v = resolved.value;
    if (v === null || typeof v === 'boolean') return v;
    if (resolved.tag === TIMESTAMP) return n.value;
    if (typeof v === 'string') return v;
    if (resolved.tag === STR) return String(v);
    if (typeof v === 'number' && !Number.isFinite(v)) this.hasNonFinite = true;
    return { type: resolved.isUint ? 'uint' : resolved.tag === `tag:yaml.org,2002:float` ? 'float' : 'int', value: v };
  }

  private mapping(n: YamlNode, out: GoMap): GoMap {
    const written = new Set<string>();
    for (let i = 0; i + 1 < n.children.length; i += 2) {
      const keyNode = n.children[i]!;
      const valueNode = n.children[i + 1]!;
      if (isMerge(keyNode)) {
        this.merge(valueNode, out);
        continue;
      }
      const key = this.unmarshal(keyNode, undefined);
      if (Array.isArray(key) || key instanceof GoMap) throw new DecodeFailure(`yaml: invalid map key: ${goSharpV(key)}`, keyNode.start);
      const id = out.set(key, this.unmarshal(valueNode, undefined));
      if (written.has(id)) this.repeatedKeys.set(keyNode.start.offset, { offset: keyNode.start.offset, key: keyNode.value });
      written.add(id);
    }
    return out;
  }

  /** `<<`: a map, an alias of one, or a list of them, later ones first so earlier ones win (decode.go merge). */
  private merge(n: YamlNode, out: GoMap): void {
    const fail = (): never => {
      throw new DecodeFailure('yaml: map merge requires map or sequence of maps as the value', n.start);
    };
    if (n.kind === 'mapping') this.unmarshal(n, out);
    else if (n.kind === 'alias') {
      if (n.alias && n.alias.kind !== 'mapping') fail();
      this.unmarshal(n, out);
    } else if (n.kind === 'sequence') {
      for (let i = n.children.length - 1; i >= 0; i--) {
        const item = n.children[i]!;
        if (item.kind === 'alias') {
          if (item.alias && item.alias.kind !== 'mapping') fail();
        } else if (item.kind !== 'mapping') fail();
        this.unmarshal(item, out);
      }
    } else fail();
  }
}

function isMerge(n: YamlNode): boolean {
  return n.kind === 'scalar' && n.value === '<<' && (n.implicit || n.tag === MERGE);
}

/** Go's base64.StdEncoding.DecodeString: padded, line breaks ignored; the bytes read as UTF-8 the way encoding/json will. */
function decodeBase64(s: string): string | undefined {
  const clean = s.replace(/[\r\n]/g, '');
  if (clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(clean)) return undefined;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const bytes: number[] = [];
  for (let i = 0; i < clean.length; i += 4) {
    const chunk = clean.slice(i, i + 4);
    const n = [...chunk].map((ch) => (ch === '=' ? 0 : alphabet.indexOf(ch)));
    const v = (n[0]! << 18) | (n[1]! << 12) | (n[2]! << 6) | n[3]!;
    bytes.push((v >> 16) & 255);
    if (chunk[2] !== '=') bytes.push((v >> 8) & 255);
    if (chunk[3] !== '=') bytes.push(v & 255);
  }
  return fromGoBytes(bytes);
}

/**
 * A Go string of arbitrary bytes: valid UTF-8 sequences become characters, and each invalid byte a lone surrogate
 * (U+DC80…U+DCFF), which the JSON writer turns into `\ufffd` as encoding/json does for an invalid byte.
 */
function fromGoBytes(bytes: number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let cp = need === 0 ? b : need === 1 ? b & 0x1f : need === 2 ? b & 0x0f : b & 0x07;
    let ok = need >= 0 && i + need < bytes.length + (need === 0 ? 1 : 0);
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are invalid in Go too.
    if (ok && ((need === 2 && cp < 0x800) || (need === 3 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    if (ok) {
      out += String.fromCodePoint(cp);
      i += need + 1;
    } else {
      out += String.fromCharCode(0xdc00 + b);
      i++;
    }
  }
  return out;
}

// ---- to JSON (sigs.k8s.io/yaml convertToJSONableObject, then encoding/json) --------------------------------------

function toJson(v: GoValue, hasNonFinite: boolean): KubeValue {
  const out = convert(v);
  const unsupported = hasNonFinite ? firstUnsupported(out) : undefined;
  if (unsupported !== undefined) throw new DecodeFailure(`json: unsupported value: ${formatGoFloat(unsupported, 64)}`);
  return out;
}

function convert(v: GoValue): KubeValue {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (Array.isArray(v)) {
    const items: KubeValue[] = [];
    for (const item of v) items.push(convert(item));
    return items;
  }
  if (v instanceof GoMap) {
    const obj: { [key: string]: KubeValue } = Object.create(null) as { [key: string]: KubeValue };
    for (const { key, value } of v.entries.values()) obj[keyString(key, value)] = convert(value);
    return obj;
  }
  return v.value;
}

/** sigs.k8s.io/yaml: string, int, float (as float32 'g', `.inf`…) and bool keys become strings; others fail. */
function keyString(key: GoValue, value: GoValue): string {
  if (typeof key === 'string') return key;
  if (typeof key === 'boolean') return String(key);
  if (isGoNumber(key) && key.type === 'int') return String(key.value);
  if (isGoNumber(key) && key.type === 'float') {
    const s = formatGoFloat(Number(key.value), 32);
    return s === '+Inf' ? '.inf' : s === '-Inf' ? '-.inf' : s === 'NaN' ? '.nan' : s;
  }
  throw new DecodeFailure(`Unsupported map key of type: ${goTypeName(key)}, key: ${goSharpV(key)}, value: ${goSharpV(value)}`);
}

/** encoding/json refuses NaN and infinities; it meets them in sorted key order. */
function firstUnsupported(v: KubeValue): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : v;
  if (v === null || typeof v !== 'object') return undefined;
  if (Array.isArray(v)) {
    for (const item of v) {
      const u = firstUnsupported(item);
      if (u !== undefined) return u;
    }
    return undefined;
  }
  for (const k of Object.keys(v).sort(compareUtf8)) {
    const u = firstUnsupported(v[k]!);
    if (u !== undefined) return u;
  }
  return undefined;
}

/** Go sorts map keys by their UTF-8 bytes; UTF-16 order differs only around surrogates. */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (astral characters) sort above U+E000–U+FFFF in UTF-8.
    if (x >= 0xd800 && x <= 0xdfff) x += 0x10000;
    if (y >= 0xd800 && y <= 0xdfff) y += 0x10000;
    return x - y;
  }
  return a.length - b.length;
}

