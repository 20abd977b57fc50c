/** The only place where core offsets become LSP positions and ranges, and back. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver';
import type { Span } from '../analysis/model/span';

export function toRange(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

export function toOffset(doc: TextDocument, position: Position): number {
  return doc.offsetAt(position);
}

export function toSpan(doc: TextDocument, range: Range): Span {
  return { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
}

export function spansIntersect(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}
