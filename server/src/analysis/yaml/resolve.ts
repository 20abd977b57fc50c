/**
 * How go-yaml v2 reads a scalar (gopkg.in/yaml.v2 resolve.go): YAML 1.1 booleans (`yes`, `on`, `y`…), integers with
 * `0` octal, `0x`, `0b` and `_`, floats with `.inf`/`.nan`, nulls, and timestamps kept as text. Hover and rules use it too.
 */
import { goInt, inInt64, parseBinary, parseGoFloat, parseGoInt, parseGoUint, type GoInt } from './go-numbers';

const TAG_PREFIX = 'tag:yaml.org,2002:';
export const STR = `${TAG_PREFIX}str`;
const BOOL = `${TAG_PREFIX}bool`;
const INT = `${TAG_PREFIX}int`;
const FLOAT = `${TAG_PREFIX}float`;
export const NULL = `${TAG_PREFIX}null`;
export const TIMESTAMP = `${TAG_PREFIX}timestamp`;
export const BINARY = `${TAG_PREFIX}binary`;
export const MERGE = `${TAG_PREFIX}merge`;

/** A resolved scalar: its tag and its Go value (`GoInt` for integers; -0, ±Infinity and NaN are kept). */
export interface Resolved {
  tag: string;
  value: null | boolean | GoInt | string;
  /** Integers that only fit Go's uint64. */
  isUint?: boolean;
}

const WORDS = new Map<string, Resolved>();
for (const [value, tag, words] of [
  [true, BOOL, 'y Y yes Yes YES true True TRUE on On ON'],
  [false, BOOL, 'n N no No NO false False FALSE off Off OFF'],
  [null, NULL, '~ null Null NULL'],
  [Number.NaN, FLOAT, '.nan .NaN .NAN'],
  [Number.POSITIVE_INFINITY, FLOAT, '.inf .Inf .INF +.inf +.Inf +.INF'],
  [Number.NEGATIVE_INFINITY, FLOAT, '-.inf -.Inf -.INF'],
  ['<<', MERGE, '<<'],
] as const) {
  for (const w of words.split(' ')) WORDS.set(w, { tag, value });
}
WORDS.set('', { tag: NULL, value: null });

/** resolve.go yamlStyleFloat. */
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

function shortTag(tag: string): string {
  return tag.startsWith(TAG_PREFIX) ? `!!${tag.slice(TAG_PREFIX.length)}` : tag;
}

/** resolve.go resolvableTag: other tags (custom `!foo`, `!!binary`, `!!map`…) keep the text as it is. */
function isResolvable(tag: string): boolean {
  return tag === '' || tag === STR || tag === BOOL || tag === INT || tag === FLOAT || tag === NULL || tag === TIMESTAMP;
}

/** The first character's class in resolve.go's resolveTable: sign, digit, a word in the table, or `.`. */
function hintOf(text: string): string {
  if (text === '') return 'N';
  const c = text[0]!;
  if (c === '+' || c === '-') return 'S';
  if (c >= '0' && c <= '9') return 'D';
  if ('yYnNtTfFoO~'.includes(c)) return 'M';
  if (c === '.') return '.';
  return '';
}

/** The implicit reading of a plain scalar, or of a scalar with a resolvable tag. Throws the decoder's message on a mismatch. */
export function resolveScalar(tag: string, text: string): Resolved {
  if (!isResolvable(tag)) return { tag, value: text };
  const out = readAs(tag, text);
  if (tag === '' || tag === out.tag || tag === STR) return out;
  // An integer asked for as !!float is a float.
  if (tag === FLOAT && out.tag === INT && !out.isUint) return { tag: FLOAT, value: Number(out.value) };
  throw new ResolveError(`cannot decode ${shortTag(out.tag)} \`${text}\` as a ${shortTag(tag)}`);
}

export class ResolveError extends Error {}

function readAs(tag: string, text: string): Resolved {
  const hint = hintOf(text);
  if (hint === '' || tag === STR) return { tag: STR, value: text };
  const word = WORDS.get(text);
  if (word) return word;
  if (hint === '.') {
    const f = parseGoFloat(text);
    return f === undefined ? { tag: STR, value: text } : { tag: FLOAT, value: f };
  }
  if (hint === 'D' || hint === 'S') {
    if ((tag === '' || tag === TIMESTAMP) && isTimestamp(text)) return { tag: TIMESTAMP, value: text };
    const plain = text.replace(/_/g, '');
    const i = parseGoInt(plain);
    if (i !== undefined) return { tag: INT, value: goInt(i) };
    const u = parseGoUint(plain);
    if (u !== undefined) return { tag: INT, value: goInt(u), isUint: true };
    if (YAML_FLOAT.test(plain)) {
      const f = parseGoFloat(plain);
      if (f !== undefined) return { tag: FLOAT, value: f };
    }
    if (plain.startsWith('0b')) {
      const b = parseBinary(plain.slice(2));
      if (b !== undefined && inInt64(b)) return { tag: INT, value: goInt(b) };
      if (b !== undefined && b < 2n ** 64n) return { tag: INT, value: goInt(b), isUint: true };
    } else if (plain.startsWith('-0b')) {
      const b = parseBinary(plain.slice(3));
      if (b !== undefined && inInt64(-b)) return { tag: INT, value: goInt(-b) };
    }
  }
  return { tag: STR, value: text };
}

/**
 * resolve.go parseTimestamp: `YYYY-` and then one of time.Parse's layouts "2006-1-2T15:4:5.999999999Z07:00" (also
 * with `t`), "2006-1-2 15:4:5.999999999" and "2006-1-2", with valid calendar values.
 */
function isTimestamp(s: string): boolean {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:([Tt])|( ))(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(s);
  if (!m) return false;
  const [, y, mo, d, t, space, h, mi, se, zone] = m;
  if (t && !zone) return false;
  if (space && zone) return false;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const daysIn = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (month < 1 || month > 12 || day < 1 || day > daysIn[month - 1]!) return false;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(se) > 59)) return false;
  if (zone && zone !== 'Z' && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(4)) > 59)) return false;
  return true;
}

/** What a scalar becomes in the JSON kubectl sends: its text for quoted scalars, else its YAML 1.1 reading. */
export function kubernetesScalar(tag: string, text: string, isImplicit: boolean): null | boolean | number | string {
  if (tag === '' && !isImplicit) return text;
  let r: Resolved;
  try {
    r = resolveScalar(tag, text);
  } catch {
    return text;
  }
  if (r.tag === TIMESTAMP || r.tag === BINARY) return text;
  const v = r.value;
  return typeof v === 'bigint' ? Number(v) : v;
}
