/** ephemeral-containers: a manifest cannot create ephemeral containers; kubectl debug adds them to a running Pod. */
import type { EphemeralContainer } from '../model/api/types';
import { containerFieldPath } from '../model/pod-spec';
import { catalogType } from '../schema/catalog';
import type { Rule } from './types';
import { quote } from './support/quote';

/** Fields an ephemeral container may set (validation.go validateEphemeralContainers); every other one is Forbidden. */
const ALLOWED = new Set(['name', 'image', 'command', 'args', 'workingDir', 'env', 'envFrom', 'volumeMounts', 'volumeDevices', 'terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy', 'securityContext', 'stdin', 'stdinOnce', 'tty', 'targetContainerName']);

/** The fields of an EphemeralContainer, from the catalog. */
const EPHEMERAL_FIELDS = Object.keys(catalogType('V1EphemeralContainer')?.f ?? {}) as Array<Parameters<EphemeralContainer['$entry']>[0]>;

export const ephemeralContainers: Rule = {
  id: 'ephemeral-containers',
  defaultSeverity: 'error',
  title: 'Ephemeral containers in a manifest',
  source:
    'validation.go ValidatePodCreate: `spec.ephemeralContainers: Forbidden: cannot be set on create`; validateEphemeralContainers: other fields `Forbidden: cannot be set for an Ephemeral Container`, targetContainerName `Not found`.',
  description:
    'Ephemeral containers are added to a running Pod for debugging, by `kubectl debug` through the `pods/ephemeralcontainers` subresource; they are never restarted, have no resource guarantees, and with `shareProcessNamespace: true` (or `targetContainerName`) can see the other containers\' processes. A manifest cannot create them: the API server rejects `ephemeralContainers` on create. Fields such as ports, probes, resources and lifecycle are forbidden on them in any case.',
  howToFix: 'Remove `ephemeralContainers` from the manifest and use `kubectl debug -it <pod> --image=busybox --target=<container>` when you need one.',
  check({ document, report }) {
    const spec = document.workload?.podSpec;
    const field = spec?.fields.$entry('ephemeralContainers');
    if (!spec || !field) return;
    report({ message: `Forbidden: cannot be set on create. Ephemeral containers are added to a running Pod with kubectl debug, not written in manifests.`, span: field.keySpan, path: field.path });
    const targets = new Set([...spec.containers, ...spec.initContainers].map((c) => c.name));
    for (const c of spec.ephemeralContainers) {
      // The ephemeral list's views are read as V1EphemeralContainer (model/pod-spec.ts).
      const fields = c.fields as EphemeralContainer;
      // validateFieldAllowList walks the struct's fields; a key the API does not know is field-unknown's.
      for (const key of EPHEMERAL_FIELDS) {
        const f = ALLOWED.has(key) ? undefined : fields.$entry(key);
        if (f) report({ message: `Forbidden: cannot be set for an Ephemeral Container; the API server rejects it.`, span: f.keySpan, path: containerFieldPath(c, key) });
      }
      const target = fields.targetContainerName;
      if (target?.value !== undefined && !targets.has(target.value)) {
        report({ message: `Not found: ${quote(target.value)}: it must name a container or init container of this Pod; the API server rejects it.`, span: target.span, path: target.path });
      }
    }
  },
};
