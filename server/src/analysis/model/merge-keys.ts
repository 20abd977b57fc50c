/**
 * YAML 1.1 merge keys as go-yaml v2 applies them (decode.go `merge`): a plain `<<` key whose value is a mapping, or
 * a sequence of mappings (usually aliases), contributes their pairs; keys written in the mapping itself win, and in
 * a sequence an earlier mapping wins over a later one. kubectl sends the merged object, so the views must see it.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';

const CACHE = new WeakMap<YAMLMap, Pair[]>();
/** Bounds a hostile chain of merges (each level is a mapping that merges another). */
const MAX_DEPTH = 64;

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && key.value === '<<' && (key.type === undefined || key.type === 'PLAIN');
}

function keyText(pair: Pair): unknown {
  return isScalar(pair.key) ? pair.key.value : pair.key;
}

function target(doc: Document, node: unknown): Node | null {
  let n = node as Node | null;
  for (let i = 0; i < MAX_DEPTH && isAlias(n); i++) n = (n.resolve(doc) ?? null) as Node | null;
  return n;
}

function collect(doc: Document, map: YAMLMap, depth: number): Pair[] {
  // A key written twice in one mapping is its last value (go-yaml sets the map entry again).
  const written = (map.items as Pair[]).filter((p) => !isMergeKey(p.key));
  const last = new Map(written.map((p, i) => [keyText(p), i]));
  const own = written.filter((p, i) => last.get(keyText(p)) === i);
  const merges = (map.items as Pair[]).filter((p) => isMergeKey(p.key));
  if (merges.length === 0 || depth >= MAX_DEPTH) return own;
  const seen = new Set(own.map(keyText));
  const out = [...own];
  for (const m of merges) {
    const value = target(doc, m.value);
    const sources = isSeq(value) ? value.items.map((i) => target(doc, i)) : [value];
    for (const source of sources) {
      if (!isMap(source)) continue;
      for (const p of collect(doc, source, depth + 1)) {
        const k = keyText(p);
        if (seen.has(k)) continue;
        seen.add(k);
        out.push(p);
      }
    }
  }
  return out;
}

/** The pairs of a mapping as kubectl sends it: its own, then those merged in with `<<` that it does not override. */
export function effectivePairs(doc: Document, map: YAMLMap): Pair[] {
  let pairs = CACHE.get(map);
  if (!pairs) {
    pairs = (map.items as Pair[]).some((p) => isMergeKey(p.key)) ? collect(doc, map, 0) : (map.items as Pair[]);
    CACHE.set(map, pairs);
  }
  return pairs;
}
