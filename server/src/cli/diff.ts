/** A minimal unified diff of two texts (line based), for `pod-lens pin --dry-run`. */

export function unifiedDiff(path: string, before: string, after: string, context = 2): string {
  const a = before.split('\n');
  const b = after.split('\n');
  // Pinning replaces text within lines, so line counts match; pair lines by index and group changed runs.
  const changed: number[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) changed.push(i);
  if (changed.length === 0) return '';
  const hunks: Array<[number, number]> = [];
  for (const i of changed) {
    const last = hunks[hunks.length - 1];
    if (last && i - context <= last[1] + context) last[1] = i;
    else hunks.push([i, i]);
  }
  const out = [`--- a/${path}`, `+++ b/${path}`];
  for (const [first, lastChanged] of hunks) {
    const start = Math.max(0, first - context);
    const end = Math.min(Math.max(a.length, b.length) - 1, lastChanged + context);
    out.push(`@@ -${start + 1},${end - start + 1} +${start + 1},${end - start + 1} @@`);
    for (let i = start; i <= end; i++) {
      if (a[i] === b[i]) out.push(` ${a[i] ?? ''}`);
      else {
        if (a[i] !== undefined) out.push(`-${a[i]}`);
        if (b[i] !== undefined) out.push(`+${b[i]}`);
      }
    }
  }
  return `${out.join('\n')}\n`;
}
