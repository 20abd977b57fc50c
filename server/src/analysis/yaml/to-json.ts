/** Go values to what kubectl sends: sigs.k8s.io/yaml's convertToJSONableObject (string keys), then encoding/json's refusals. */
import { DecodeFailure } from './compose';
import { formatGoFloat, GoMap, goSharpV, goTypeName, isGoNumber, type GoValue } from './go-value';

/** A JSON value as kubectl sends it; integers beyond 2^53 are bigints so they stay exact. */
export type KubeValue = null | boolean | number | bigint | string | KubeValue[] | { [key: string]: KubeValue };

export function toJson(v: GoValue, hasNonFinite: boolean): KubeValue {
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

