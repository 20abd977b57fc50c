/**
 * Rules report spans local to their document's chunk; the file's users (editor, CLI) need file offsets. The shift
 * happens here, once, for the finding and every edit of its fixes.
 */
import type { ManifestDocument } from '../model/manifest';
import type { Span } from '../model/span';
import type { Finding, Fix } from '../rules/types';

function shiftSpan(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

/** Kept inside the text, so a span past a file's end (a document's end at EOF) still maps to a position. */
function clampSpan(span: Span, length: number): Span {
  const start = Math.max(0, Math.min(span.start, length));
  return { start, end: Math.max(start, Math.min(span.end, length)) };
}

function shiftFix(fix: Fix, by: number): Fix {
  return {
    ...fix,
    edits: fix.edits?.map((e) => ({ ...e, span: shiftSpan(e.span, by) })),
    deferred: fix.deferred ? { ...fix.deferred, span: shiftSpan(fix.deferred.span, by) } : undefined,
  };
}

/** A finding of `document` (local spans) in file coordinates; `textLength` is the file's. */
export function inFile(local: Finding, document: ManifestDocument, textLength: number): Finding {
  return {
    ...local,
    span: clampSpan(shiftSpan(local.span, document.offset), textLength),
    fixes: local.fixes?.map((fix) => shiftFix(fix, document.offset)),
  };
}

/** The file offset where a document's content starts. */
export function documentStart(document: ManifestDocument, textLength: number): number {
  return clampSpan(shiftSpan(document.span, document.offset), textLength).start;
}
