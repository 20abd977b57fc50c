/** Parses WWW-Authenticate challenges (RFC 7235): `Bearer realm="…",service="…",scope="…"` and `Basic realm="…"`. */

export interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

export function parseChallenges(header: string | null): Challenge[] {
  if (!header) return [];
  const out: Challenge[] = [];
  const re = /([A-Za-z][A-Za-z0-9-]*)(?:\s+|$)((?:[A-Za-z0-9_-]+\s*=\s*(?:"(?:[^"\\]|\\.)*"|[^,\s]*)\s*,?\s*)*)/g;
  for (const m of header.matchAll(re)) {
    const params: Record<string, string> = {};
    for (const p of (m[2] ?? '').matchAll(/([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
      params[p[1]!.toLowerCase()] = (p[2] ?? p[3] ?? '').replace(/\\(.)/g, '$1');
    }
    out.push({ scheme: m[1]!.toLowerCase(), params });
  }
  return out;
}
