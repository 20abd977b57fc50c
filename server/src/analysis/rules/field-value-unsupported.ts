/** field-value-unsupported: a value outside a field's enumerated values. */
import { reportSchemaProblems } from './support/schema-problems';
import type { Rule } from './types';

export const fieldValueUnsupported: Rule = {
  id: 'field-value-unsupported',
  defaultSeverity: 'error',
  title: 'Unsupported value',
  source: 'validation.go field.NotSupported: `spec.restartPolicy: Unsupported value: "sometimes": supported values: "Always", "Never", "OnFailure"`; the values are the OpenAPI enums of the catalog.',
  description:
    'A value of an enumerated field (`dnsPolicy`, `type` of a Service, `operator` of a toleration, `terminationMessagePolicy`…) that the API does not support. Matching is case-sensitive. `imagePullPolicy`, port `protocol` and `restartPolicy` are checked by their own rules.',
  howToFix: 'Use one of the supported values; when only the case differs, the quick fix corrects it.',
  consequence: 'The API server rejects the object.',
  check(context) {
    reportSchemaProblems(context, 'enum');
  },
};
