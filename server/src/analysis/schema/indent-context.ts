/**
 * The schema type at a cursor from indentation alone, for completion where the text being typed does not parse yet:
 * the keys above the cursor with less indentation are its parents, `- ` lines are list items.
 */
import { catalogField, shapeOf } from './catalog';

interface Line {
  /** Column of the key (after any `- `). */
  col: number;
  /** Column of the `- ` when the line starts a list item. */
  dash: number | undefined;
  key: string | undefined;
  /** The key has no value on its line (a block follows). */
  opensBlock: boolean;
}

const LINE = /^( *)(- +)?(?:("?)([A-Za-z0-9_./-]+)\3\s*:(?:\s+(.*))?)?/;

function readLine(text: string): Line | undefined {
  if (/^\s*(#|$)/.test(text)) return undefined;
  const m = LINE.exec(text)!;
  const indent = m[1]!.length;
  const dash = m[2] ? indent : undefined;
  const col = indent + (m[2]?.length ?? 0);
  const rest = m[5]?.replace(/\s+#.*$/, '').trim() ?? '';
  return { col, dash, key: m[4], opensBlock: m[4] !== undefined && (rest === '' || rest === '|' || rest === '>') };
}

export interface IndentContext {
  /** Keys and `[]` from the document root to the mapping the cursor is in. */
  segments: string[];
  /** Keys already written in that mapping. */
  siblings: Set<string>;
  /** Column the cursor's key starts at. */
  col: number;
}

/** `lines` are the document's lines; `line` the cursor's line; `col` where its key starts; `isNewItem` when it begins with `- `. */
export function indentContext(lines: string[], line: number, col: number, isNewItem: boolean): IndentContext {
  const segments: string[] = [];
  const siblings = new Set<string>();
  let level = col;
  let collecting = !isNewItem;
  if (isNewItem) {
    segments.push('[]');
    level = col - 2;
  }
  for (let n = line - 1; n >= 0; n--) {
    const l = readLine(lines[n]!);
    if (!l) continue;
    if (l.col > level) continue;
    if (l.col === level) {
      if (collecting && l.key) siblings.add(l.key);
      if (l.dash !== undefined) {
        // The first key of the item the cursor is in: the item sits at the dash's column.
        segments.push('[]');
        level = l.dash;
        collecting = false;
      }
      continue;
    }
    // Less indented: the parent key (or a list item under the parent).
    if (l.dash !== undefined && l.dash === level) continue; // another item of the same list
    if (!l.key) break;
    segments.push(l.key);
    collecting = false;
    level = l.col;
    if (l.dash !== undefined) {
      segments.push('[]');
      level = l.dash;
    }
    if (level === 0) break;
  }
  if (!isNewItem) {
    for (let n = line + 1; n < lines.length; n++) {
      const l = readLine(lines[n]!);
      if (!l) continue;
      if (l.col < col || (l.dash !== undefined && l.dash < col)) break;
      if (l.col === col && l.key && l.dash === undefined) siblings.add(l.key);
    }
  }
  return { segments: segments.reverse(), siblings, col };
}

/** The struct type the segments lead to from a root type, or undefined when they leave the catalog. */
export function typeAlong(rootType: string, segments: string[]): string | undefined {
  let t = rootType;
  for (const s of segments) {
    const shape = shapeOf(t);
    if (s === '[]') {
      if (shape.kind !== 'list') return undefined;
      t = shape.item;
      continue;
    }
    if (shape.kind !== 'struct') return undefined;
    const f = catalogField(shape.name, s);
    if (!f) return undefined;
    t = f.t;
  }
  return shapeOf(t).kind === 'struct' ? t : undefined;
}
