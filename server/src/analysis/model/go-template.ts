/**
 * The one place that answers "is this a Go template (Helm)?": for a chunk, for a line a finding sits on, and where its
 * first action is. Its `{{ … }}` actions are template code only outside content: inside a quoted or block scalar, or a
 * comment, of a document kubectl can read, `{{ … }}` is content (alert templates in a ConfigMap).
 */
import { isCollection, isPair, isScalar, Scalar, type Document } from 'yaml';
import type { Span } from './span';

/** A template action, lines included. Not global: a shared `g` regex carries `lastIndex` from one call to the next. */
const ACTION = /\{\{[\s\S]*?\}\}/;

/** Some `{{ … }}` action anywhere in the text: the cheap first test, before any parse. */
export function hasTemplateAction(text: string): boolean {
  return ACTION.test(text);
}

/**
 * Whether a chunk is a Go template: it has an action, and (when kubectl can read it) one sits outside string content
 * and comments. An unreadable chunk with an action is template code that broke the YAML.
 */
export function isGoTemplateChunk(text: string, readable: Document.Parsed | undefined): boolean {
  return hasTemplateAction(text) && (readable === undefined || hasTemplateCode(readable, text));
}

/** The span of the first action in a template's text (where the go-template note goes). */
export function firstTemplateAction(text: string): Span | undefined {
  const m = ACTION.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}

/** Whether the lines a span covers open a template action: Kubernetes never sees those lines as written. */
export function isOnTemplateLine(text: string, span: Span): boolean {
  const from = text.lastIndexOf('\n', span.start - 1) + 1;
  const toNl = text.indexOf('\n', span.end);
  return text.slice(from, toNl < 0 ? text.length : toNl).includes('{{');
}

/** True when some action of a readable document's text sits outside string content and comments. */
function hasTemplateCode(doc: Document.Parsed, text: string): boolean {
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
  for (const m of text.matchAll(new RegExp(ACTION, 'g'))) {
    const at = m.index ?? 0;
    if (content.some(([s, e]) => s <= at && at + m[0].length <= e)) continue;
    // A comment: a `#` at the line start or after a blank, before the action, outside any scalar.
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    if (/(?:^|[ \t])#/.test(text.slice(lineStart, at))) continue;
    return true;
  }
  return false;
}
