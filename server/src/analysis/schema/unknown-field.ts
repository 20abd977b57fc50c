/** Unknown fields: the near names (typos, case), where a misplaced field belongs, and the rename and move fixes. */
import { isMap, isScalar, Scalar } from 'yaml';
import type { Node, Pair } from 'yaml';
import { nodeSpan } from '../model/node-view';
import type { Span } from '../model/span';
import type { Fix } from '../rules/types';
import { catalogField, goStructName } from './catalog';
import { misplacement, nearFieldNames } from './near-names';
import type { SchemaProblem } from './validate';

/** The quote a scalar is written with, so an edit keeps it. */
export function quoteOf(node: Node | null): '' | '"' | "'" {
  if (!isScalar(node)) return '';
  return node.type === Scalar.QUOTE_DOUBLE ? '"' : node.type === Scalar.QUOTE_SINGLE ? "'" : '';
}

/** The problem for a key `type` does not have at `path`, with near names, where it belongs and the fixes that follow. */
export function unknownField(text: string, parent: Node, pair: Pair, keyNode: Node, type: string, key: string, path: string, outer: string | undefined): SchemaProblem {
  const span = nodeSpan(keyNode, { start: 0, end: 0 });
  const near = nearFieldNames(type, key);
  const { under } = misplacement(type, key);
  const fixes: Fix[] = [];
  const quote = quoteOf(keyNode);
  for (const name of near.slice(0, 3)) fixes.push({ title: `Change to ${name}`, kind: 'quickfix', isPreferred: near.length === 1, edits: [{ span, newText: `${quote}${name}${quote}` }] });
  let hint = '';
  if (near.length) hint = `Did you mean ${near.slice(0, 3).map((n) => JSON.stringify(n)).join(' or ')}?`;
  else if (under.length) {
    hint = `${key} belongs under ${under.map((u) => `${u.field}${u.isList ? '[]' : ''}`).join(' or ')}.`;
    const only = under.length === 1 ? under[0]! : undefined;
    const move = only && !only.isList && !hasKey(parent, only.field) ? moveUnder(text, pair, keyNode, only.field) : undefined;
    if (move) fixes.push({ title: `Move ${key} under ${only!.field}`, kind: 'quickfix', isPreferred: true, edits: [move] });
  } else if (outer && catalogField(outer, key)) {
    // Written one level too deep: a field of the struct around this one.
    hint = `${key} belongs one level up, in ${goStructName(outer)}.`;
  }
  return { kind: 'unknown-field', message: `unknown field ${JSON.stringify(path)}`, span, path, fixes: fixes.length ? fixes : undefined, data: { near, under: under.map((u) => u.field), hint } };
}

function hasKey(map: Node, key: string): boolean {
  return isMap(map) && map.items.some((p) => isScalar(p.key) && p.key.value === key);
}

/** Re-indents a block entry one level down under a new `field:` line; only for an entry that starts its own line. */
function moveUnder(text: string, pair: Pair, keyNode: Node, field: string): { span: Span; newText: string } | undefined {
  const start = keyNode.range?.[0];
  const valueRange = (pair.value as Node | null)?.range;
  if (start === undefined || !valueRange) return undefined;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const indent = text.slice(lineStart, start);
  if (!/^[ ]*$/.test(indent)) return undefined;
  let end = valueRange[1];
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  const nl = text.indexOf('\n', end);
  const lineEnd = nl < 0 ? text.length : nl;
  const entry = text.slice(lineStart, lineEnd);
  return { span: { start: lineStart, end: lineEnd }, newText: `${indent}${field}:\n${entry.split('\n').map((l) => (l ? `  ${l}` : l)).join('\n')}` };
}
