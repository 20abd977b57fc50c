/** image-pull-secret-name: empty or duplicate imagePullSecrets names (API warnings), extra fields (error). */
import { fieldPath } from '../model/node-view';
import type { Rule } from './types';
import { quote } from './support/quote';

export const imagePullSecretName: Rule = {
  id: 'image-pull-secret-name',
  defaultSeverity: 'warning',
  title: 'Empty or duplicate image pull secret',
  source:
    'pkg/api/pod/warnings.go: `spec.imagePullSecrets[0].name: invalid empty name ""` and `duplicate name "x"`; validation.go: `spec.imagePullSecrets[0]: Invalid value: only name may be set`.',
  description: 'An `imagePullSecrets` entry with an empty name or one listed twice (API warnings: the entry does nothing), or with a field other than `name` (rejected).',
  howToFix: 'List each pull secret once by name: `imagePullSecrets: [{name: regcred}]`.',
  consequence: 'The API server warns about empty and duplicate names (they do nothing) and rejects other fields.',
  check({ document, report }) {
    const seen = new Set<string>();
    for (const secret of document.workload?.podSpec.fields.imagePullSecrets ?? []) {
      // Fields a LocalObjectReference does not have are unknown to its typed view: the untyped mapping lists them.
      const extra = secret.$map.keys().filter((k) => k !== 'name');
      if (extra.length) report({ message: `Invalid value: only name may be set (found ${extra.join(', ')})`, span: secret.$map.get(extra[0]!)!.keySpan, path: secret.$path, severity: 'error' });
      const name = secret.name;
      const value = name?.value ?? '';
      const path = fieldPath(secret.$path, 'name');
      if (value === '') report({ message: `invalid empty name ""`, span: name?.span ?? secret.$span, path });
      else if (seen.has(value)) report({ message: `duplicate name ${quote(value)}`, span: name!.span, path });
      seen.add(value);
    }
  },
};
