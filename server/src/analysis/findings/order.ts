/** The order findings are listed in, in the editor and the CLI alike: by place, then by rule id. */
import type { Finding } from '../rules/types';

export function byPlace(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule);
}
