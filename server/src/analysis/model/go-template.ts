/**
 * Whether text is a Go template (Helm): only when its `{{ … }}` actions are template code. Inside a quoted or block
 * scalar, or a comment, of a document kubectl can read, `{{ … }}` is content (alert templates in a ConfigMap).
 */
import { isScalar, Scalar, visit, type Document } from 'yaml';

const ACTION = /\{\{[\s\S]*?\}\}/g;

/** True when some action of a readable document's text sits outside string content and comments. */
export function hasTemplateCode(doc: Document.Parsed, text: string): boolean {
  const content: Array<[number, number]> = [];
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && node.range && node.type !== Scalar.PLAIN) content.push([node.range[0], node.range[1]]);
    },
  });
  for (const m of text.matchAll(ACTION)) {
    const at = m.index ?? 0;
    if (content.some(([s, e]) => s <= at && at + m[0].length <= e)) continue;
    // A comment: a `#` at the line start or after a blank, before the action, outside any scalar.
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    if (/(?:^|[ \t])#/.test(text.slice(lineStart, at))) continue;
    return true;
  }
  return false;
}
