/** container-name-duplicate: names are unique across containers, initContainers and ephemeralContainers. */
import { containerFieldPath } from '../model/pod-spec';
import type { Rule } from './types';
import { quote } from './support/quote';

export const containerNameDuplicate: Rule = {
  id: 'container-name-duplicate',
  defaultSeverity: 'error',
  title: 'Duplicate container name',
  source:
    'validation.go validateContainers / validateInitContainers / validateEphemeralContainers: `Duplicate value` on the later entry; init containers are checked against all regular containers, ephemeral ones against both.',
  description:
    'Two containers of one Pod share a name. Names must be unique across `containers`, `initContainers` and `ephemeralContainers` together; the API server rejects the later one with `Duplicate value`.',
  howToFix: 'Rename one of them; the quick fix appends a free numeric suffix.',
  check({ document, report }) {
    const spec = document.workload?.podSpec;
    if (!spec) return;
    // Validation order: regular containers first, then init containers against them, then ephemeral ones.
    const ordered = [...spec.containers, ...spec.initContainers, ...spec.ephemeralContainers];
    const taken = new Set(ordered.map((c) => c.name).filter((n): n is string => n !== undefined));
    const seen = new Map<string, string>();
    const nextSuffix = new Map<string, number>();
    for (const c of ordered) {
      if (!c.name) continue;
      const first = seen.get(c.name);
      if (first === undefined) {
        seen.set(c.name, c.path);
        continue;
      }
      // c.name is the name when it is a string, so the field is there.
      const field = c.fields.name!;
      // Each name's search resumes where it stopped: thousands of copies of one name stay linear.
      let n = nextSuffix.get(c.name) ?? 2;
      while (taken.has(`${c.name}-${n}`)) n++;
      nextSuffix.set(c.name, n + 1);
      const fresh = `${c.name}-${n}`;
      taken.add(fresh);
      report({
        message: `Duplicate value: ${quote(c.name)}: ${first} has this name already; names must be unique across containers, initContainers and ephemeralContainers, and the API server rejects the object.`,
        span: field.span,
        path: containerFieldPath(c, 'name'),
        fixes: [{ title: `Rename to ${fresh}`, kind: 'quickfix', isPreferred: true, edits: [{ span: field.span, newText: fresh }] }],
      });
    }
  },
};
