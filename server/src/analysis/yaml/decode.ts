/**
 * What kubectl does with one document: go-yaml v2 composes nodes (gopkg.in/yaml.v2 decode.go parser) and decodes them
 * into Go values (decoder, with merge keys and its alias limits), then sigs.k8s.io/yaml (yaml.go YAMLToJSON) turns map
 * keys into strings and encoding/json writes the JSON. Returns the JSON value or the error kubectl prints.
 */
import { isForbidden } from './chars';
import { BudgetExceeded, compose, DecodeFailure, type DecodeBudget, type YamlNode } from './compose';
import { Decoder } from './decoder';
import { Parser } from './parser';
import { ResolveError } from './resolve';
import { YamlProblem } from './scanner';
import { toJson, type KubeValue } from './to-json';

export { BudgetExceeded, type DecodeBudget, type YamlNode } from './compose';
export { compareUtf8, type KubeValue } from './to-json';

/** A key written twice in one mapping: kubectl keeps the last value (the decoder's map simply overwrites). */
export interface RepeatedKey {
  /** UTF-16 offset of the repeated key in the document. */
  offset: number;
  key: string;
}

export type Decoded =
  | { ok: true; value: KubeValue; repeatedKeys: RepeatedKey[]; /** The composed nodes, for spans. */ root: YamlNode | undefined }
  | {
      ok: false;
      error: string;
      /** UTF-16 offset of the failure in the document, when go-yaml knows one. */
      offset?: number;
      /** Where the construct that failed starts (an unclosed quote or bracket). */
      contextOffset?: number;
      line?: number;
    };

/** Reads one document (the text between two `---` lines) as yaml.YAMLToJSON does. */
export function decodeDocument(text: string, budget: DecodeBudget = { maxSteps: Number.POSITIVE_INFINITY }): Decoded {
  const input = text === '' ? '\n' : text;
  const parser = new Parser(input);
  try {
    const root = compose(parser, budget);
    const decoder = new Decoder(budget);
    const value = root === undefined ? null : decoder.decode(root);
    const readerError = forbiddenCharacterBefore(input, parser.scanner.offset);
    if (readerError !== undefined) return { ok: false, error: 'yaml: control characters are not allowed', offset: readerError };
    return { ok: true, value: toJson(value, decoder.hasNonFinite), repeatedKeys: [...decoder.repeatedKeys.values()], root };
  } catch (error) {
    if (error instanceof BudgetExceeded) throw error;
    const readerError = forbiddenCharacterBefore(input, parser.scanner.offset);
    if (readerError !== undefined) return { ok: false, error: 'yaml: control characters are not allowed', offset: readerError };
    if (error instanceof YamlProblem) {
      const line = problemLine(error);
      return {
        ok: false,
        error: `yaml: ${line ? `line ${line}: ` : ''}${error.problem}`,
        offset: (error.problemMark ?? error.contextMark)?.offset,
        contextOffset: error.contextMark?.offset,
        line,
      };
    }
    if (error instanceof DecodeFailure) return { ok: false, error: error.message, offset: error.mark?.offset, line: error.mark ? error.mark.line + 1 : undefined };
    if (error instanceof ResolveError) return { ok: false, error: `yaml: ${error.message}` };
    // go-yaml nests up to 10,000 levels; JavaScript's stack may end first. Say so rather than crash.
    if (error instanceof RangeError) return { ok: false, error: 'Pod Lens cannot follow this document: it is nested too deeply' };
    throw error;
  }
}

/** decode.go parser.fail: the problem's line (1-based for scanner errors), else the context's. */
function problemLine(p: YamlProblem): number | undefined {
  if (p.problemMark && p.problemMark.line !== 0) return p.problemMark.line + (p.kind === 'scanner' ? 1 : 0);
  if (p.contextMark && p.contextMark.line !== 0) return p.contextMark.line;
  return undefined;
}

/**
 * go-yaml's reader decodes its input in blocks of 512 bytes and refuses a control character as soon as its block is
 * read (readerc.go), possibly before the scanner reaches it. The first forbidden character counts when it sits in a
 * block the scanner had started reading.
 */
function forbiddenCharacterBefore(text: string, scannedTo: number): number | undefined {
  let bytes = 0;
  let blockOfScanner = -1;
  for (let i = 0; i < text.length; i++) {
    if (i === Math.min(scannedTo + 4, text.length - 1)) blockOfScanner = Math.floor(bytes / 512);
    const c = text.charCodeAt(i);
    if (isForbidden(c)) {
      if (blockOfScanner < 0 || Math.floor(bytes / 512) <= blockOfScanner) return i;
      return undefined;
    }
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : c >= 0xdc00 && c <= 0xdfff ? 0 : 3;
  }
  return undefined;
}

