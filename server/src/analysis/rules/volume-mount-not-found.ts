/** volume-mount-not-found: every volumeMounts[].name names a volume of the Pod. */
import { fieldPath } from '../model/node-view';
import type { Rule } from './types';
import { quote } from './support/quote';

export const volumeMountNotFound: Rule = {
  id: 'volume-mount-not-found',
  defaultSeverity: 'error',
  judgesAbsence: true,
  title: 'Volume mount of an undefined volume',
  source: 'validation.go ValidateVolumeMounts: `spec.containers[0].volumeMounts[0].name: Not found: "data"`.',
  description: 'A container mounts a volume name that is not in the Pod\'s `volumes`. The API server rejects the object.',
  howToFix: 'Add the volume under `spec.volumes` (or the template\'s), or correct the name.',
  check({ document, report }) {
    const spec = document.workload?.podSpec;
    if (!spec) return;
    const volumes = new Set((spec.view.seq('volumes')?.maps() ?? []).map(({ view }) => view.string('name')).filter((n) => n !== undefined));
    // A StatefulSet's volumeClaimTemplates become volumes of its Pods (apps validation adds them before checking mounts);
    // custom resources that have them (OpenKruise CloneSet and Advanced StatefulSet) do the same.
    if (document.workload?.kind.kind === 'StatefulSet' || document.workload?.kind.custom) {
      for (const { view } of document.root?.map('spec')?.seq('volumeClaimTemplates')?.maps() ?? []) {
        const name = view.map('metadata')?.string('name');
        if (name) volumes.add(name);
      }
    }
    for (const c of spec.all) {
      for (const { view } of c.view.seq('volumeMounts')?.maps() ?? []) {
        const name = view.get('name');
        if (!name || typeof name.value !== 'string' || volumes.has(name.value)) continue;
        const path = fieldPath(view.path, 'name');
        report({ message: `Not found: ${quote(name.value)}: the Pod has no volume of that name; the API server rejects the object.`, span: name.span, path });
      }
    }
  },
};
