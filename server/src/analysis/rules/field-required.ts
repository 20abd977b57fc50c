/** field-required: a field validation requires is missing. */
import { reportSchemaProblems } from './support/schema-problems';
import type { Rule } from './types';

export const fieldRequired: Rule = {
  id: 'field-required',
  defaultSeverity: 'error',
  title: 'Required field missing',
  source:
    'validation.go field.Required (`Required value`): container, env, volume and volumeMount names, mountPath, the selector of apps/v1 workloads, a CronJob\'s schedule and jobTemplate, key/path of items, key selectors, fieldPath, a Service port\'s port.',
  description: 'A field the API server requires and does not default is missing. Checked for the fields validation.go reports as `Required value` (the OpenAPI `required` lists are wider than what the API server enforces for built-in kinds).',
  howToFix: 'Add the field; completion inserts required children as a snippet.',
  consequence: 'The API server rejects the object.',
  check(context) {
    reportSchemaProblems(context, 'required');
  },
};
