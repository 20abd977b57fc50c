/** mount-path-duplicate: one container mounts two volumes at the same path. */
import type { Rule } from './types';
import { quote } from './support/quote';

export const mountPathDuplicate: Rule = {
  id: 'mount-path-duplicate',
  defaultSeverity: 'error',
  title: 'Two mounts at the same path',
  source: 'validation.go ValidateVolumeMounts: `spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/data": must be unique`.',
  description: 'A container lists the same `mountPath` twice; only one volume could be there. The API server rejects the object.',
  howToFix: 'Mount each volume at its own path (use `subPath` to place parts of one volume).',
  consequence: 'The API server rejects the object.',
  check({ document, report }) {
    for (const c of document.workload?.podSpec.all ?? []) {
      const seen = new Set<string>();
      for (const mount of c.fields.volumeMounts) {
        const mp = mount.mountPath;
        if (mp?.value === undefined) continue;
        if (seen.has(mp.value)) report({ message: `Invalid value: ${quote(mp.value)}: must be unique`, span: mp.span, path: mp.path });
        seen.add(mp.value);
      }
    }
  },
};
