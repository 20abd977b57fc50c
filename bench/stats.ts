/** Small statistics for the benchmark: median, p95, and a timer. */

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
}

export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export async function timeIt(fn: () => unknown | Promise<unknown>): Promise<number> {
  const t = now();
  await fn();
  return now() - t;
}

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
