/** The table of all rules: one line per rule. */
import { containerImageRequired } from './container-image-required';
import { goTemplate } from './go-template';
import { imageReferenceInvalid } from './image-reference-invalid';
import { imageWhitespace } from './image-whitespace';
import { imageDigestInvalid } from './image-digest-invalid';
import { imageTagMutable } from './image-tag-mutable';
import { imagePullPolicyInvalid } from './image-pull-policy-invalid';
import { imagePullPolicyStaleLatest } from './image-pull-policy-stale-latest';
import { imagePullPolicyNever } from './image-pull-policy-never';
import { imageNotPinned } from './image-not-pinned';
import type { Rule } from './types';
import { yamlDuplicateKey } from './yaml-duplicate-key';
import { yamlSyntax } from './yaml-syntax';

export const RULES: readonly Rule[] = [
  yamlSyntax,
  yamlDuplicateKey,
  goTemplate,
  containerImageRequired,
  imageReferenceInvalid,
  imageWhitespace,
  imageDigestInvalid,
  imageTagMutable,
  imagePullPolicyInvalid,
  imagePullPolicyStaleLatest,
  imagePullPolicyNever,
  imageNotPinned,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
