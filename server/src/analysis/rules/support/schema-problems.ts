/** Reports one class of the schema validator's problems for a rule (the walk is shared and cached per document). */
import { schemaProblems, type SchemaProblemKind } from '../../schema/validate';
import type { RuleContext, Severity } from '../types';
import { DEFAULT_TARGET } from '../../k8s/target';

export function reportSchemaProblems({ document, report, options }: RuleContext, kind: SchemaProblemKind, severity?: Severity, decorate: (message: string, hint: string) => string = (m) => m): void {
  for (const p of schemaProblems(document, (options.target ?? DEFAULT_TARGET).minor)) {
    if (p.kind !== kind) continue;
    report({ message: decorate(p.message, typeof p.data?.hint === 'string' ? p.data.hint : ''), span: p.span, path: p.path, fixes: p.fixes, data: p.data, ...(severity ? { severity } : {}) });
  }
}
