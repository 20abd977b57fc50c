/** Near names for an unknown field: typos (edit distance, case) and fields that belong one level down or up. */
import { catalogField, catalogType, shapeOf } from './catalog';

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one substring). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** Fields of a type close to `key`: same letters in another case first, then by edit distance (at most 2, 1 for short keys). */
export function nearFieldNames(typeName: string, key: string): string[] {
  const fields = Object.keys(catalogType(typeName)?.f ?? {});
  const lower = key.toLowerCase();
  const sameCase = fields.filter((f) => f.toLowerCase() === lower);
  if (sameCase.length) return sameCase;
  const limit = key.length <= 4 ? 1 : 2;
  return fields
    .map((f) => ({ f, d: editDistance(lower, f.toLowerCase()) }))
    .filter((x) => x.d <= limit)
    .sort((x, y) => x.d - y.d || x.f.localeCompare(y.f))
    .map((x) => x.f);
}

export interface Misplacement {
  /** Fields of this type whose own type has `key`: it belongs one level down, under one of them. */
  under: Array<{ field: string; isList: boolean }>;
}

/** The struct type a field holds, directly or as list items. */
function structOf(t: string): { name: string; isList: boolean } | undefined {
  const shape = shapeOf(t);
  if (shape.kind === 'struct') return { name: shape.name, isList: false };
  if (shape.kind === 'list') {
    const item = shapeOf(shape.item);
    if (item.kind === 'struct') return { name: item.name, isList: true };
  }
  return undefined;
}

export function misplacement(typeName: string, key: string): Misplacement {
  const under: Misplacement['under'] = [];
  for (const [field, f] of Object.entries(catalogType(typeName)?.f ?? {})) {
    const s = structOf(f.t);
    if (s && catalogField(s.name, key)) under.push({ field, isList: s.isList });
  }
  return { under };
}
