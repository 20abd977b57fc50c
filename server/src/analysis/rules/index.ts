/** The table of all rules: one line per rule. */
import { containerImageRequired } from './container-image-required';
import { goTemplate } from './go-template';
import type { Rule } from './types';
import { yamlDuplicateKey } from './yaml-duplicate-key';
import { yamlSyntax } from './yaml-syntax';

export const RULES: readonly Rule[] = [
  yamlSyntax,
  yamlDuplicateKey,
  goTemplate,
  containerImageRequired,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
