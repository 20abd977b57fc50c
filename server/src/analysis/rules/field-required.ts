/** field-required: a field validation requires is missing. */
import { defaultedRestartPolicy } from '../schema/defaulted-required';
import { selectorMismatch } from '../schema/selector-labels';
import { reportSchemaProblems } from './support/schema-problems';
import type { Rule } from './types';

const SELECTOR_CREATED = new Set(['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet']);

export const fieldRequired: Rule = {
  id: 'field-required',
  defaultSeverity: 'error',
  judgesAbsence: true,
  title: 'Required field missing',
  source:
    'validation.go field.Required (`Required value`): a volumeMount\'s name and mountPath, the selector of apps/v1 workloads, a CronJob\'s schedule and jobTemplate, key and path of projected items, key selectors, fieldPath, a Service port\'s port. SetDefaults_PodSpec then batch validation: a Job template without restartPolicy becomes `Always` and is rejected (`Unsupported value: "Always": supported values: "OnFailure", "Never"`). apps and core validation: spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`.',
  description:
    'A field the API server requires and does not default is missing. Checked for the fields validation.go reports as `Required value` (the OpenAPI `required` lists are wider than what the API server enforces for built-in kinds; container, env and volume names are checked by their own rules). A Job or CronJob template without `restartPolicy` is reported too: defaulting makes it `Always`, which a Job does not allow. And a controller\'s selector must select its template\'s labels.',
  howToFix: 'Add the field; completion inserts required children as a snippet.',
  consequence: 'The API server rejects the object.',
  check(context) {
    // kustomize's commonLabels create the selector of these workloads (builtinpluginconsts/commonlabels.go, create: true).
    const createdSelector = context.options.kustomize?.selectorLabels === true && SELECTOR_CREATED.has(context.document.kind ?? '');
    reportSchemaProblems(createdSelector ? { ...context, report: (f) => f.path !== 'spec.selector' && context.report(f) } : context, 'required');
    for (const p of [defaultedRestartPolicy(context.document), selectorMismatch(context.document)]) {
      if (p) context.report({ message: p.message, span: p.span, path: p.path, data: p.data });
    }
  },
};
