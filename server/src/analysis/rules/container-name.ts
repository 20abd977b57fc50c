/** container-name: every container has a name, a DNS-1123 label (validation.go validateContainerCommon). */
import { dns1123LabelProblems } from '../k8s/names';
import { containerFieldPath } from '../model/pod-spec';
import type { Rule } from './types';
import { quote } from './support/quote';

export const containerName: Rule = {
  id: 'container-name',
  defaultSeverity: 'error',
  title: 'Missing or invalid container name',
  source: 'validation.go validateContainerCommon: `spec.containers[0].name: Required value`; IsDNS1123Label: `must be no more than 63 characters` and the RFC 1123 label message.',
  description:
    'Every container (app, init, sidecar, ephemeral) needs a `name` that is a DNS-1123 label: at most 63 lower-case letters, digits and hyphens, starting and ending with a letter or digit. The API server rejects the object otherwise. Names appear in `kubectl logs -c`, events and metrics.',
  howToFix: 'Give the container a short lower-case name such as `web` or `log-shipper` (no dots, no underscores).',
  check({ document, report }) {
    for (const c of document.workload?.podSpec.all ?? []) {
      const field = c.fields.name;
      const path = containerFieldPath(c, 'name');
      if (!field || field.written === null || field.written === '') {
        report({ message: `Required value: every container needs a name; the API server rejects the object.`, span: field?.keySpan ?? c.span, path });
        continue;
      }
      // A name written as a number or boolean is checked as the text it reads as (its type is field-type-invalid's).
      const value = field.value ?? String(field.written);
      const problems = dns1123LabelProblems(value);
      if (problems.length) report({ message: `Invalid value: ${quote(value)}: ${problems.join(', ')}`, span: field.span, path });
    }
  },
};
