/** The Go values go-yaml v2 decodes into `interface{}` (maps keep non-string keys), and Go's `%#v` of them for messages. */
import type { GoInt } from './go-numbers';

export type GoValue = null | boolean | string | GoNumber | GoValue[] | GoMap;

export interface GoNumber {
  type: 'int' | 'uint' | 'float';
  value: GoInt;
}

/** `map[interface{}]interface{}`: entries by a key that tells Go's key types apart (`1` and `"1"` are two keys). */
export class GoMap {
  readonly entries = new Map<string, { key: GoValue; value: GoValue }>();

  /** Sets an entry; returns the key's identity. */
  set(key: GoValue, value: GoValue): string {
    const id = identity(key);
    this.entries.set(id, { key, value });
    return id;
  }
}

export const isGoNumber = (v: GoValue): v is GoNumber => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoMap);

function identity(key: GoValue): string {
  if (key === null) return 'nil';
  if (typeof key === 'string') return `s${key}`;
  if (typeof key === 'boolean') return `b${key}`;
  if (isGoNumber(key)) return `${key.type[0]}${String(key.value)}`;
  // Collections cannot be keys (the decoder refuses them first).
  return `x${Math.random()}`;
}

/** Go's type name of a decoded value, as `%s` of reflect.TypeOf prints it. */
export function goTypeName(v: GoValue): string {
  if (v === null) return '%!s(<nil>)';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  if (v instanceof GoMap) return 'map[interface {}]interface {}';
  return v.type === 'int' ? 'int' : v.type === 'uint' ? 'uint64' : 'float64';
}

/** Go's `%#v`; inside a collection a nil element is an `interface {}(nil)`. */
export function goSharpV(v: GoValue, isElement = false): string {
  if (v === null) return isElement ? 'interface {}(nil)' : '<nil>';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map((x) => goSharpV(x, true)).join(', ')}}`;
  if (v instanceof GoMap) {
    // fmt sorts interface keys by their type first (internal/fmtsort), then by value.
    const entries = [...v.entries.values()].sort((a, b) => typeRank(a.key) - typeRank(b.key) || compareKeys(a.key, b.key));
    return `map[interface {}]interface {}{${entries.map((e) => `${goSharpV(e.key, true)}:${goSharpV(e.value, true)}`).join(', ')}}`;
  }
  if (v.type === 'uint') return `0x${BigInt(v.value).toString(16)}`;
  if (v.type === 'float') return formatGoFloat(Number(v.value), 64);
  return String(v.value);
}

/** strconv.FormatFloat(f, 'g', -1, bits): the shortest digits that read back; `%e` when the exponent is < -4 or >= 6. */
export function formatGoFloat(f: number, bits: 32 | 64): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Number.POSITIVE_INFINITY) return '+Inf';
  if (f === Number.NEGATIVE_INFINITY) return '-Inf';
  const x = bits === 32 ? Math.fround(f) : f;
  let digits = '';
  for (let p = 1; p <= 17; p++) {
    digits = x.toPrecision(p);
    const back = Number(digits);
    if ((bits === 32 ? Math.fround(back) : back) === x) break;
  }
  const [mantissa, expPart] = Number(digits).toExponential().split('e') as [string, string];
  const exp = Number(expPart);
  const sign = Object.is(x, -0) || x < 0 ? '-' : '';
  const m = mantissa.replace('-', '');
  // strconv ftoa.go: with the shortest precision, 'g' decides with precision 6.
  if (exp < -4 || exp >= 6) {
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const plain = Math.abs(Number(digits)).toFixed(Math.max(0, (m.split('.')[1]?.length ?? 0) - exp));
  return `${sign}${plain}`;
}

/** The order fmt's map sorting gives Go's types (by type descriptor address in the binary, as observed). */
function typeRank(v: GoValue): number {
  if (v === null) return 0;
  if (typeof v === 'boolean') return 1;
  if (isGoNumber(v)) return v.type === 'int' ? 2 : v.type === 'uint' ? 3 : 4;
  return 5;
}

function compareKeys(a: GoValue, b: GoValue): number {
  if (isGoNumber(a) && isGoNumber(b)) return Number(a.value) - Number(b.value);
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** strconv.Quote: non-printable characters (unicode.IsPrint) escaped as \a…\v, \xNN, \uNNNN or \UNNNNNNNN. */
function goQuote(s: string): string {
  const short: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '"': '\\"', '\\': '\\\\' };
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (short[ch]) out += short[ch];
    else if (ch !== ' ' && /[\p{C}\p{Z}]/u.test(ch)) {
      out += c < 0x80 ? `\\x${c.toString(16).padStart(2, '0')}` : c < 0x10000 ? `\\u${c.toString(16).padStart(4, '0')}` : `\\U${c.toString(16).padStart(8, '0')}`;
    } else out += ch;
  }
  return out + '"';
}
