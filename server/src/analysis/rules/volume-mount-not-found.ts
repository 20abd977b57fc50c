/** volume-mount-not-found: every volumeMounts[].name names a volume of the Pod. */
import { claimTemplateVolumeNames } from '../k8s/stateful-set-storage';
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
    const volumes = new Set(spec.fields.volumes.map((v) => v.name?.value).filter((n) => n !== undefined));
    // A StatefulSet's volumeClaimTemplates become volumes of its Pods (apps validation adds them before checking mounts);
    // custom resources that have them (OpenKruise CloneSet and Advanced StatefulSet) do the same.
    if (document.root && (document.workload?.kind.kind === 'StatefulSet' || document.workload?.kind.custom)) {
      for (const name of claimTemplateVolumeNames(document.root)) volumes.add(name);
    }
    for (const c of spec.all) {
      for (const mount of c.fields.volumeMounts) {
        const name = mount.name;
        if (!name || name.value === undefined || volumes.has(name.value)) continue;
        report({ message: `Not found: ${quote(name.value)}: the Pod has no volume of that name; the API server rejects the object.`, span: name.span, path: name.path });
      }
    }
  },
};
