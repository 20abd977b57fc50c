/** yaml-duplicate-key: a mapping key written twice (as kubectl's decoder reads keys); clients disagree on what happens. */
import type { Rule } from './types';
import { quote } from './support/quote';

export const yamlDuplicateKey: Rule = {
  id: 'yaml-duplicate-key',
  defaultSeverity: 'warning',
  title: 'Duplicate mapping key',
  source:
    '`kubectl apply -f` converts YAML to JSON on the client with sigs.k8s.io/yaml YAMLToJSON, whose map keeps the last value: the earlier one is gone before the API server can see it (kubernetes/kubernetes#125885). kustomize and Helm read with YAMLToJSONStrict and reject the file.',
  description:
    'The same key twice in one mapping, as Kubernetes reads keys (YAML 1.1: `y` and `yes` are the same key `true`). `kubectl apply -f` keeps the last value silently, while kustomize and Helm reject the file.',
  howToFix: 'Remove one of the two keys, or merge their contents.',
  check({ document, report }) {
    if (document.isGoTemplate) return;
    for (const d of document.duplicateKeys) {
      const key = d.key.replace(/^["']|["']$/g, '');
      report({
        message: `Duplicate key ${quote(key)}: \`kubectl apply -f\` keeps this last value and silently drops the earlier one (kubernetes/kubernetes#125885), while kustomize and Helm reject the file.`,
        span: d.span,
      });
    }
  },
};
