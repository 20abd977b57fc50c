/**
 * resource.Quantity as apimachinery reads and writes it (pkg/api/resource/quantity.go): decimal SI, binary SI and
 * exponent suffixes, exact arithmetic on BigInt fractions (no floating point), rounding up to nano precision on
 * parse, and the canonical form (`1.5` → `1500m`, `1.5Gi` → `1536Mi`).
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** value = num / den, den a power of ten. */
export interface Quantity {
  num: bigint;
  den: bigint;
  format: QuantityFormat;
}

export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const FORMAT = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const DECIMAL_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIX: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const NANO = 10n ** 9n;

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** Reduces num/den while keeping den a power of ten. */
function normalize(num: bigint, den: bigint, format: QuantityFormat): Quantity {
  while (den > 1n && num % 10n === 0n) {
    num /= 10n;
    den /= 10n;
  }
  return { num, den, format };
}

/** ParseQuantity: the value, or the error text the API server gives. */
export function parseQuantity(input: string | number): Quantity | { error: string } {
  const s = typeof input === 'number' ? String(input) : input;
  if (typeof input === 'number' && !Number.isFinite(input)) return { error: QUANTITY_FORMAT_ERROR };
  const m = FORMAT.exec(s);
  if (!m) return { error: QUANTITY_FORMAT_ERROR };
  let number = m[1]!;
  const suffix = m[2]!;
  let sign = 1n;
  if (number.startsWith('-') || number.startsWith('+')) {
    if (number[0] === '-') sign = -1n;
    number = number.slice(1);
  }
  // One dot at most, and at least one digit.
  const parts = number.split('.');
  if (parts.length > 2 || !/[0-9]/.test(number)) return { error: QUANTITY_FORMAT_ERROR };
  const whole = parts[0] ?? '';
  const frac = parts[1] ?? '';
  let num = BigInt(`${whole}${frac}` || '0') * sign;
  let den = pow10(frac.length);
  let format: QuantityFormat;
  if (suffix in DECIMAL_SUFFIX) {
    format = 'DecimalSI';
    const e = DECIMAL_SUFFIX[suffix]!;
    if (e >= 0) num *= pow10(e);
    else den *= pow10(-e);
  } else if (suffix in BINARY_SUFFIX) {
    format = 'BinarySI';
    num *= 1024n ** BigInt(BINARY_SUFFIX[suffix]!);
  } else if (/^[eE][-+]?[0-9]+$/.test(suffix)) {
    format = 'DecimalExponent';
    const e = Number(suffix.slice(1));
    if (!Number.isSafeInteger(e) || Math.abs(e) > 1000) return { error: 'unable to parse quantity\'s suffix' };
    if (e >= 0) num *= pow10(e);
    else den *= pow10(-e);
  } else {
    return { error: "unable to parse quantity's suffix" };
  }
  // quantity.go rounds to nano precision, away from zero (inf.RoundUp).
  if (den > NANO) {
    const scale = den / NANO;
    const q = num / scale;
    num = num % scale === 0n ? q : q + (num < 0n ? -1n : 1n);
    den = NANO;
  }
  return normalize(num, den, format);
}

export const ZERO: Quantity = { num: 0n, den: 1n, format: 'DecimalSI' };

export function add(a: Quantity, b: Quantity): Quantity {
  const den = a.den > b.den ? a.den : b.den;
  const num = a.num * (den / a.den) + b.num * (den / b.den);
  // Like Quantity.Add, the result keeps the left operand's format (a zero left side takes the right's).
  return normalize(num, den, a.num === 0n && a.format === 'DecimalSI' ? b.format : a.format);
}

export function compare(a: Quantity, b: Quantity): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function max(a: Quantity, b: Quantity): Quantity {
  return compare(a, b) >= 0 ? a : b;
}

export function multiply(a: Quantity, n: number): Quantity {
  return normalize(a.num * BigInt(Math.trunc(n)), a.den, a.format);
}

export function isZero(q: Quantity): boolean {
  return q.num === 0n;
}

export function isInteger(q: Quantity): boolean {
  return q.num % q.den === 0n;
}

/** For drawing only: a float approximation. */
export function toNumberApprox(q: Quantity): number {
  return Number(q.num) / Number(q.den);
}

/** Milli-units as a float, for charts (e.g. CPU in millicores). */
export function toMilliApprox(q: Quantity): number {
  return toNumberApprox(q) * 1000;
}

const DECIMAL_SUFFIX_BY_EXP: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };
const BINARY_SUFFIX_BY_EXP = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/** AsCanonicalBytes (decimal): strip factors of ten, then lower the exponent to a multiple of three. */
function canonicalDecimal(q: Quantity): { mantissa: bigint; exponent: number } {
  let mantissa = q.num;
  let exponent = -(q.den.toString().length - 1);
  while (mantissa !== 0n && mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent++;
  }
  const extra = ((exponent % 3) + 3) % 3;
  exponent -= extra;
  mantissa *= pow10(extra);
  return { mantissa, exponent };
}

/** Quantity.String in canonical form (CanonicalizeBytes). */
export function formatQuantity(q: Quantity): string {
  if (q.num === 0n) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    // Small or fractional binary values are written in decimal, so nothing is rounded (quantity.go).
    const small = q.num > -1024n * q.den && q.num < 1024n * q.den;
    if (small || !isInteger(q)) format = 'DecimalSI';
  }
  if (format === 'BinarySI') {
    let amount = q.num / q.den;
    let exponent = 0;
    while (amount % 1024n === 0n && exponent < 6) {
      amount /= 1024n;
      exponent++;
    }
    return `${amount}${BINARY_SUFFIX_BY_EXP[exponent]}`;
  }
  let { mantissa, exponent } = canonicalDecimal(q);
  if (format === 'DecimalExponent') return exponent === 0 ? `${mantissa}` : `${mantissa}e${exponent}`;
  // DecimalSI beyond exa: keep multiplying the mantissa (no suffix above E).
  while (exponent > 18) {
    mantissa *= 1000n;
    exponent -= 3;
  }
  return `${mantissa}${DECIMAL_SUFFIX_BY_EXP[exponent] ?? `e${exponent}`}`;
}

/** Parses anything YAML may hold in a resource map (strings, integers, floats). */
export function quantityOf(value: unknown): Quantity | { error: string } {
  if (typeof value === 'string' || typeof value === 'number') return parseQuantity(value);
  return { error: QUANTITY_FORMAT_ERROR };
}

