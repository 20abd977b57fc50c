/** env-duplicate: a later env entry hides an earlier one of the same name (the API server's warning). */
import type { Rule } from './types';
import { quote } from './support/quote';

export const envDuplicate: Rule = {
  id: 'env-duplicate',
  defaultSeverity: 'warning',
  title: 'Environment variable defined twice',
  source:
    'pkg/api/pod/warnings.go: `spec.containers[0].env[1]: hides previous definition of "X", which may be dropped when using apply` — when the later entry uses valueFrom, is exactly `$(X)`, or does not contain `$(X)`.',
  description:
    'A container defines the same environment variable twice. The last one wins in the container, and `kubectl apply` (which merges env by name) may drop one of them, so what runs can differ from what you read. A later `X=$(X)-suffix` that builds on the earlier value is fine and not reported.',
  howToFix: 'Keep one definition per name.',
  consequence: 'The API server warns; the container gets the last value.',
  check({ document, report }) {
    for (const c of document.workload?.podSpec.all ?? []) {
      const seen = new Set<string>();
      for (const env of c.fields.env) {
        const name = env.name?.value;
        if (name === undefined) continue;
        if (seen.has(name)) {
          const value = env.value?.value;
          const ref = `$(${name})`;
          // warnings.go: only a definition that hides the previous one, not one that builds on it.
          const hides = env.$entry('valueFrom') !== undefined || value === undefined || value === ref || !value.includes(ref);
          if (hides) {
            report({ message: `hides previous definition of ${quote(name)}, which may be dropped when using apply`, span: env.name!.span, path: env.$path });
          }
        }
        seen.add(name);
      }
    }
  },
};
