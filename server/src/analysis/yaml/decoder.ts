/** go-yaml v2's decoder into `interface{}` (gopkg.in/yaml.v2 decode.go decoder): scalars resolved, merge keys, alias limits. */
import { DecodeFailure, BudgetExceeded, type DecodeBudget, type YamlNode } from './compose';
import { GoMap, goSharpV, type GoValue } from './go-value';
import { BINARY, MERGE, resolveScalar, ResolveError, STR, TIMESTAMP } from './resolve';
import type { RepeatedKey } from './decode';

/** decode.go allowedAliasRatio. */
function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= 400_000) return 0.99;
  if (decodeCount >= 4_000_000) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - 400_000) / 3_600_000);
}

export class Decoder {
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

