/** image-pull-secret-name: empty or duplicate imagePullSecrets names (API warnings). */
import { fieldPath } from '../model/node-view';
import type { Rule } from './types';
import { quote } from './support/quote';

export const imagePullSecretName: Rule = {
  id: 'image-pull-secret-name',
  defaultSeverity: 'warning',
  title: 'Empty or duplicate image pull secret',
  source:
    'pkg/api/pod/warnings.go: `spec.imagePullSecrets[0].name: invalid empty name ""` and `duplicate name "x"`. (validation.go\'s `only name may be set` compares a LocalObjectReference with itself and cannot fail: a field other than `name` is an unknown field, reported by field-unknown.)',
  description: 'An `imagePullSecrets` entry with an empty name or one listed twice (API warnings: the entry does nothing).',
  howToFix: 'List each pull secret once by name: `imagePullSecrets: [{name: regcred}]`.',
  consequence: 'The API server warns; the entry does nothing.',
  check({ document, report }) {
    const seen = new Set<string>();
    for (const secret of document.workload?.podSpec.fields.imagePullSecrets ?? []) {
      const name = secret.name;
      const value = name?.value ?? '';
      const path = fieldPath(secret.$path, 'name');
      if (value === '') report({ message: `invalid empty name ""`, span: name?.span ?? secret.$span, path });
      else if (seen.has(value)) report({ message: `duplicate name ${quote(value)}`, span: name!.span, path });
      seen.add(value);
    }
  },
};
