/** Inputs not worth parsing (too large, binary) get one information note instead of an analysis. */
import type { Finding } from './rules/types';

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

/** A note when the text should not be analysed, else undefined. */
export function guardInput(text: string, maxSize: number = DEFAULT_MAX_FILE_SIZE): Finding | undefined {
  if (text.length > maxSize) {
    return {
      rule: 'file-skipped',
      severity: 'information',
      message: `Pod Lens skipped this file: ${text.length} characters is over the ${maxSize}-character limit (podLens.maxFileSize).`,
      span: { start: 0, end: 0 },
    };
  }
  // NUL never appears in YAML text (YAML 1.2 §5.1 printable characters): the file is binary.
  if (text.slice(0, 8192).includes('\u0000')) {
    return {
      rule: 'file-skipped',
      severity: 'information',
      message: 'Pod Lens skipped this file: it looks binary (it contains NUL bytes), not YAML.',
      span: { start: 0, end: 0 },
    };
  }
  return undefined;
}
