/** Splits a YAML stream at document markers so each document is parsed, cached and re-checked on its own. */

export interface Chunk {
  /** Offset of the chunk in the file. */
  offset: number;
  text: string;
}

// YAML 1.2 §9.1: `---` at the start of a line, followed by white space or the line end, always starts a document;
// it cannot occur inside any node (c-forbidden), so splitting here never cuts a scalar in two.
const MARKER = /^---(?=[ \t\r\n]|$)/gm;
// Lines that may stand before a `---` without making a document of their own: blanks, comments, directives, a BOM.
const PREAMBLE = /^(?:\uFEFF)?(?:[ \t]*(?:#.*)?(?:\r?\n|$)|%.*(?:\r?\n|$))*$/;

export function splitDocuments(text: string): Chunk[] {
  const starts: number[] = [0];
  for (const match of text.matchAll(MARKER)) {
    const at = match.index ?? 0;
    if (at === 0) continue;
    const previous = starts[starts.length - 1]!;
    // Comments and directives above a marker belong to the document the marker opens.
    if (PREAMBLE.test(text.slice(previous, at))) continue;
    starts.push(at);
  }
  return starts.map((start, i) => ({ offset: start, text: text.slice(start, starts[i + 1] ?? text.length) }));
}
