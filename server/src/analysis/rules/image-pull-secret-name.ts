/** image-pull-secret-name: empty or duplicate imagePullSecrets names (API warnings), extra fields (error). */
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
    const spec = document.workload?.podSpec;
    const seq = spec?.view.seq('imagePullSecrets');
    if (!seq) return;
    const seen = new Set<string>();
    for (const { view } of seq.maps()) {
      const extra = view.keys().filter((k) => k !== 'name');
      if (extra.length) report({ message: `Invalid value: only name may be set (found ${extra.join(', ')})`, span: view.get(extra[0]!)!.keySpan, path: view.path, severity: 'error' });
      const name = view.get('name');
      const value = typeof name?.value === 'string' ? name.value : '';
      const path = `${view.path}.name`;
      if (value === '') report({ message: `invalid empty name ""`, span: name?.span ?? view.span, path });
      else if (seen.has(value)) report({ message: `duplicate name ${quote(value)}`, span: name!.span, path });
      seen.add(value);
    }
  },
};
