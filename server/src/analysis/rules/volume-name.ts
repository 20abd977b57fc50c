/** volume-name: volume names are required DNS-1123 labels, unique in the Pod. */
import { dns1123LabelProblems } from '../k8s/names';
import { fieldPath } from '../model/node-view';
import type { Rule } from './types';
import { quote } from './support/quote';

export const volumeName: Rule = {
  id: 'volume-name',
  defaultSeverity: 'error',
  title: 'Missing, invalid or duplicate volume name',
  source: 'validation.go ValidateVolumes: `spec.volumes[0].name: Required value`, IsDNS1123Label, `Duplicate value`.',
  description: 'Each entry of `volumes` needs a `name` that is a DNS-1123 label and unique within the Pod; mounts refer to volumes by it. The API server rejects the object otherwise.',
  howToFix: 'Name every volume once, with a short lower-case name.',
  consequence: 'The API server rejects the object.',
  check({ document, report }) {
    const spec = document.workload?.podSpec;
    if (!spec) return;
    const seen = new Set<string>();
    for (const volume of spec.fields.volumes) {
      const name = volume.name;
      const path = fieldPath(volume.$path, 'name');
      if (!name || name.written === null || name.written === '') {
        report({ message: `Required value: every volume needs a name.`, span: name?.keySpan ?? volume.$span, path });
        continue;
      }
      // Judged as written: a mistyped name is checked as its text too.
      const value = String(name.written);
      const problems = dns1123LabelProblems(value);
      if (problems.length) report({ message: `Invalid value: ${quote(value)}: ${problems.join(', ')}`, span: name.span, path });
      else if (seen.has(value)) report({ message: `Duplicate value: ${quote(value)}: volume names must be unique in a Pod.`, span: name.span, path });
      seen.add(value);
    }
  },
};
