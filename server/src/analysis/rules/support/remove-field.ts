/** An edit that deletes a block-style `key: value` entry with its whole lines, leaving the rest untouched. */
import type { Field } from '../../model/node-view';
import type { TextEdit } from '../types';

/** `field` is an entry as written: a `Field`, or a typed `Scalar` (both carry the key and entry spans and the node). */
export function removeFieldEdit(text: string, field: Pick<Field, 'keySpan' | 'entrySpan' | 'node'>): TextEdit | undefined {
  const lineStart = text.lastIndexOf('\n', field.keySpan.start - 1) + 1;
  // Only when the key starts its own line (block style); flow mappings are left to the user.
  if (text.slice(lineStart, field.keySpan.start).trim() !== '') return undefined;
  const valueEnd = Math.max(field.entrySpan.end, field.node?.range?.[2] ?? field.entrySpan.end);
  let end = text.indexOf('\n', Math.max(valueEnd - 1, field.keySpan.end));
  end = end < 0 ? text.length : end + 1;
  return { span: { start: lineStart, end }, newText: '' };
}

/** The indentation of the line a key is on. */
export function indentOf(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return text.slice(lineStart, offset);
}
