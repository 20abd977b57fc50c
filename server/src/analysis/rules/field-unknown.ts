/** field-unknown: a field the API does not have, as strict field validation (kubectl's default since 1.27) rejects it. */
import { reportSchemaProblems } from './support/schema-problems';
import type { Rule } from './types';

export const fieldUnknown: Rule = {
  id: 'field-unknown',
  defaultSeverity: 'error',
  title: 'Unknown field',
  source:
    'apimachinery strict decoding (fieldValidation=Strict, kubectl --validate=strict, the default since Kubernetes 1.27): `strict decoding error: unknown field "spec.template.spec.containers[0].imagePulPolicy"`; under Warn the API server drops the field and answers `Warning: unknown field …`.',
  description:
    'A key that the object\'s schema (generated from the Kubernetes OpenAPI, see `podLens.fieldValidation`) does not have at that place: a typo (`imagePulPolicy`), a wrong case (`emptydir`), or a field written one level too high (`requests` directly under a container instead of under `resources`). kubectl rejects the object by default; with `--validate=warn` the field is dropped silently but for a warning.',
  howToFix: 'Rename the key (the quick fix offers the near names) or move it where it belongs (the quick fix moves it when only one place fits). `podLens.fieldValidation: "Warn"` makes this a warning, `"Ignore"` turns it off.',
  check(context) {
    const mode = context.options.fieldValidation ?? 'Strict';
    if (mode === 'Ignore') return;
    if (mode === 'Warn') {
      reportSchemaProblems(context, 'unknown-field', 'warning', (m, hint) => `${m}. The API server drops the field (fieldValidation=Warn).${hint ? ` ${hint}` : ''}`);
      return;
    }
    reportSchemaProblems(context, 'unknown-field', undefined, (m, hint) => `strict decoding error: ${m}. The API server rejects the object (fieldValidation=Strict, kubectl's default).${hint ? ` ${hint}` : ''}`);
  },
};
