/** Quotes a value from the document in a message: at most a short excerpt, so a huge value cannot make huge messages. */

/** Characters of a document value a message or hover shows; longer values end in an ellipsis. */
const EXCERPT_LENGTH = 80;

/** The start of `value`, at most `max` characters (never cutting a surrogate pair), with `…` when shortened. */
export function excerpt(value: string, max: number = EXCERPT_LENGTH): string {
  if (value.length <= max) return value;
  let end = max;
  // A lone high surrogate at the cut would be an invalid character in JSON, SARIF and the editor.
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${value.slice(0, end)}…`;
}

/** A document value as messages write it: strings double-quoted (JSON escapes), other scalars as written. */
export function quote(value: unknown, max: number = EXCERPT_LENGTH): string {
  if (typeof value === 'string') return JSON.stringify(excerpt(value, max));
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  // Maps and lists are described, never serialised: they can be as large as the document.
  return Array.isArray(value) ? 'a list' : 'a map';
}

/**
 * The kubelet's `couldn't parse image name "<image>": <reason>` (pkg/kubelet/images/image_manager.go), with the image
 * and the reason (which may repeat part of it) shortened.
 */
export function unparsableImageMessage(image: string, reason: string): string {
  return `couldn't parse image name ${quote(image)}: ${excerpt(reason, 2 * EXCERPT_LENGTH)}`;
}
