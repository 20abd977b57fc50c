/**
 * Whether text is a Go template (Helm): only when its `{{ … }}` actions are template code. Inside a quoted or block
 * scalar, or a comment, of a document kubectl can read, `{{ … }}` is content (alert templates in a ConfigMap).
 */
import { isCollection, isPair, isScalar, Scalar, type Document } from 'yaml';

const ACTION = /\{\{[\s\S]*?\}\}/g;

/** True when some action of a readable document's text sits outside string content and comments. */
export function hasTemplateCode(doc: Document.Parsed, text: string): boolean {
  const content: Array<[number, number]> = [];
  // An explicit stack: the yaml package's visit copies its path at every level (quadratic on deep nesting).
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isScalar(node)) {
      if (node.range && node.type !== Scalar.PLAIN) content.push([node.range[0], node.range[1]]);
    } else if (isCollection(node)) {
      for (const item of node.items as unknown[]) stack.push(...(isPair(item) ? [item.key, item.value] : [item]));
    }
  }
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
