/**
 * Splits a file into documents where kubectl does (k8s.io/apimachinery pkg/util/yaml YAMLReader): at a line that
 * starts with `---` followed only by white space or a comment. A first `---` stays in its document; `---foo` and
 * `...` are content (go-yaml then reads only the first YAML document of the piece).
 */

export interface KubectlChunk {
  /** Offset of the document's first character in the file. */
  offset: number;
  /** The document as written in the file (line ends untouched). */
  text: string;
}

/** Go's unicode.IsSpace over the rest of the marker line, then a `#`. */
const SEPARATOR_REST = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*(?:#[^]*)?$/;

/** Whether a line (without its line break) separates documents. */
function isSeparatorLine(line: string): boolean {
  return line.startsWith('---') && SEPARATOR_REST.test(line.slice(3));
}

export function splitLikeKubectl(text: string): KubectlChunk[] {
  const chunks: KubectlChunk[] = [];
  let start = 0;
  let lineStart = 0;
  while (lineStart < text.length) {
    // LineReader reads up to "\n" (bufio ReadLine); a lone "\r" does not end a line.
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    const next = nl < 0 ? text.length : nl + 1;
    if (text.startsWith('---', lineStart) && isSeparatorLine(text.slice(lineStart, lineEnd).replace(/\r$/, ''))) {
      if (lineStart > start) {
        chunks.push({ offset: start, text: text.slice(start, lineStart) });
        start = next;
      }
      // An empty buffer keeps the marker: it becomes the first line of the next document.
    }
    lineStart = next;
  }
  if (start < text.length) chunks.push({ offset: start, text: text.slice(start) });
  return chunks;
}

/**
 * The bytes go-yaml receives for a chunk: LineReader drops "\r" before "\n" and ends every line with "\n". Returns
 * the text and a map from its offsets back to the chunk's.
 */
export function asKubectlReads(chunk: string): { text: string; toChunkOffset: (offset: number) => number } {
  const removed: number[] = [];
  let out = '';
  let from = 0;
  for (let i = chunk.indexOf('\r\n'); i >= 0; i = chunk.indexOf('\r\n', i + 2)) {
    out += chunk.slice(from, i);
    removed.push(out.length);
    from = i + 1;
  }
  out += chunk.slice(from);
  if (!out.endsWith('\n')) out += '\n';
  return {
    text: out,
    toChunkOffset(offset: number): number {
      let lo = 0;
      let hi = removed.length;
      // Each "\r" removed before the offset shifts it by one (an offset at the "\n" stays before the "\r").
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (removed[mid]! < offset) lo = mid + 1;
        else hi = mid;
      }
      return Math.min(offset + lo, chunk.length);
    },
  };
}
