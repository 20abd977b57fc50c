/** Go's strconv.ParseInt / ParseUint (base 0) and ParseFloat, as go-yaml v2's resolver calls them on a scalar's text. */

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** A Go integer: a number when it is exact in JavaScript, else a bigint. */
export type GoInt = number | bigint;

export function goInt(v: bigint): GoInt {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

const DIGITS: Record<number, RegExp> = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ };

/** Base-0 digits of an unsigned literal: `0x1F`, `0o17`, `0b101`, `017` (octal), `17`; undefined when malformed. */
function unsignedValue(s: string): bigint | undefined {
  let base = 10;
  let digits = s;
  if (/^0[xX]/.test(s)) [base, digits] = [16, s.slice(2)];
  else if (/^0[oO]/.test(s)) [base, digits] = [8, s.slice(2)];
  else if (/^0[bB]/.test(s)) [base, digits] = [2, s.slice(2)];
  else if (s.length > 1 && s.startsWith('0')) [base, digits] = [8, s.slice(1)];
  if (!DIGITS[base]!.test(digits)) return undefined;
  const prefix = base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : '';
  return BigInt(prefix + digits);
}

/** strconv.ParseInt(s, 0, 64) (the caller has removed underscores): undefined on a syntax or range error. */
export function parseGoInt(s: string): bigint | undefined {
  const negative = s.startsWith('-');
  const body = s.startsWith('-') || s.startsWith('+') ? s.slice(1) : s;
  const v = unsignedValue(body);
  if (v === undefined) return undefined;
  const signed = negative ? -v : v;
  return signed < INT64_MIN || signed > INT64_MAX ? undefined : signed;
}

/** strconv.ParseUint(s, 0, 64): no sign allowed. */
export function parseGoUint(s: string): bigint | undefined {
  const v = unsignedValue(s);
  return v === undefined || v > UINT64_MAX ? undefined : v;
}

/** strconv.ParseUint(s, 2, 64) / ParseInt(s, 2, 64) for go-yaml's own `0b` branch. */
export function parseBinary(digits: string): bigint | undefined {
  return /^[01]+$/.test(digits) ? BigInt('0b' + digits) : undefined;
}

export const inInt64 = (v: bigint): boolean => v >= INT64_MIN && v <= INT64_MAX;

/**
 * strconv.ParseFloat(s, 64) for decimal text: undefined on a syntax error or overflow (ErrRange); underflow is 0.
 * Hex floats, `inf` and `nan` spellings are not needed: go-yaml only calls it on text that starts with `.` or that
 * matched its float pattern.
 */
export function parseGoFloat(s: string): number | undefined {
  if (!/^[-+]?(?:[0-9_]*\.?[0-9_]*)(?:[eE][-+]?[0-9_]+)?$/.test(s) || !/[0-9]/.test(s.replace(/[eE].*$/, ''))) return undefined;
  if (s.includes('_') && !isUnderscoreOk(s)) return undefined;
  const v = Number(s.replace(/_/g, ''));
  if (Number.isNaN(v) || !Number.isFinite(v)) return undefined;
  return v;
}

/** strconv's underscoreOK: an underscore only between digits. */
function isUnderscoreOk(s: string): boolean {
  let saw = '^';
  const body = s.startsWith('-') || s.startsWith('+') ? s.slice(1) : s;
  for (const ch of body) {
    if (ch >= '0' && ch <= '9') saw = '0';
    else if (ch === '_') {
      if (saw !== '0') return false;
      saw = '_';
    } else {
      if (saw === '_') return false;
      saw = '!';
    }
  }
  return saw !== '_';
}
