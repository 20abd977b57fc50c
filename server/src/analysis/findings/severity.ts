/** The severity a rule runs at: the user's `podLens.rules` entry wins over the rule's own default. */
import type { AnalysisOptions } from '../options';
import type { Rule, Severity } from '../rules/types';

/** Undefined when the rule is off: turned off by the user, or off by default and not turned on. */
export function effectiveSeverity(rule: Rule, options: AnalysisOptions): Severity | undefined {
  const setting = options.rules?.[rule.id];
  if (setting === 'off') return undefined;
  if (setting) return setting;
  return rule.enabledByDefault === false ? undefined : rule.defaultSeverity;
}
