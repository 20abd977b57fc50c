/**
 * Values from the document (or the workspace) in hover Markdown: as literal text, never as Markdown or HTML, so a
 * manifest cannot break out of a code span, show a remote image, add a link or inject HTML into the hover.
 */
import { excerpt } from '../rules/support/quote';

/** Characters of one value a hover shows (longer than messages: image references run to a few hundred). */
const HOVER_VALUE_LENGTH = 300;

// CommonMark: an escaped ASCII punctuation character is always literal. These are the ones that start inline Markdown
// (code, emphasis, links and images, HTML and entities, GFM tables and strikethrough) and the `:` and `@` of autolinked URLs and addresses.
const ACTIVE = /[\\`*_[\]<>!&|~:@]/g;
// GFM also links bare `www.` names: an escaped dot breaks the match.
const BARE_LINK = /(www)\./gi;

/** A value as plain text inside Markdown (it stays inline: line breaks become spaces). */
export function mdText(value: unknown): string {
  return excerpt(String(value), HOVER_VALUE_LENGTH).replace(/[\r\n]+/g, ' ').replace(ACTIVE, '\\$&').replace(BARE_LINK, '$1\\.');
}

/**
 * A value as an inline code span: fenced by more backticks than its longest run of backticks (CommonMark 6.1), with
 * a space inside the fences when it starts or ends with a backtick; line breaks become spaces. In a table cell pipes
 * are escaped too (GFM splits cells at `|` even inside code spans, and removes the backslash there).
 */
export function mdCode(value: unknown, inTable = false): string {
  const flat = excerpt(String(value), HOVER_VALUE_LENGTH).replace(/[\r\n]+/g, ' ');
  const text = inTable ? flat.replace(/\|/g, '\\|') : flat;
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
