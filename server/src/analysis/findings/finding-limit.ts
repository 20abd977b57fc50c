/** Bounds what one document can produce: at most a fixed number of findings, each with a message of bounded length. */
import type { Finding } from '../rules/types';
import { excerpt } from '../rules/support/quote';

/**
 * Findings shown per YAML document. Past a few hundred a list is not read anyway, and a generated or hostile file
 * (thousands of containers sharing a port, aliases of one container) must not flood the editor or the CLI's output.
 */
export const MAX_FINDINGS_PER_DOCUMENT = 200;

/** Longest message kept; rules quote values through `quote`/`excerpt`, this catches anything else (paths, keys). */
const MAX_MESSAGE_LENGTH = 1000;

const FINDINGS_TRUNCATED = 'findings-truncated';

export function boundMessage(message: string): string {
  return excerpt(message, MAX_MESSAGE_LENGTH);
}

/**
 * The first `MAX_FINDINGS_PER_DOCUMENT` findings of a document by position, plus one note at `at` (a file offset)
 * saying how many were left out; the list unchanged when it is short enough.
 */
export function limitFindings(findings: Finding[], at: number, max: number = MAX_FINDINGS_PER_DOCUMENT): Finding[] {
  if (findings.length <= max) return findings;
  const kept = [...findings].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end).slice(0, max);
  const left = findings.length - max;
  kept.push({
    rule: FINDINGS_TRUNCATED,
    severity: 'information',
    message: `Pod Lens shows the first ${max} findings of this document; ${left} more ${left === 1 ? 'is' : 'are'} left out. Fix these first, or turn noisy rules off in podLens.rules.`,
    span: { start: at, end: at },
  });
  return kept;
}
