/** port-name: port names are IANA service names, unique within a container. */
import { portNameProblems } from '../k8s/names';
import { portsOf } from './support/ports';
import type { Rule } from './types';
import { quote } from './support/quote';

export const portName: Rule = {
  id: 'port-name',
  defaultSeverity: 'error',
  title: 'Invalid or duplicate port name',
  source: 'validation.go validateContainerPorts: IsValidPortName (IANA_SVC_NAME) messages, and `Duplicate value` for a name used twice in one container.',
  description:
    'A port `name` must be an IANA service name: at most 15 characters of `a-z`, `0-9` and `-`, at least one letter, no `--`, not starting or ending with `-`; and unique within its container. Services and probes refer to ports by these names.',
  howToFix: 'Use a short lower-case name such as `http` or `metrics`, once per container.',
  consequence: 'The API server rejects the object.',
  check({ document, report }) {
    const spec = document.workload?.podSpec;
    if (!spec) return;
    for (const c of spec.all) {
      const seen = new Set<string>();
      for (const p of portsOf(spec, [c])) {
        const field = p.fields.name;
        // A non-string name is a decoding error (field-type-invalid), before any name check: it has no `value`.
        const name = field?.value;
        if (!field || !name) continue;
        const path = field.path;
        const problems = portNameProblems(name);
        if (problems.length) report({ message: `Invalid value: ${quote(name)}: ${problems.join(', ')}`, span: field.span, path });
        else if (seen.has(name)) report({ message: `Duplicate value: ${quote(name)}: port names must be unique within a container.`, span: field.span, path });
        seen.add(name);
      }
    }
  },
};
