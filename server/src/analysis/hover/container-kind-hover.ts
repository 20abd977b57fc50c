/**
 * Hover on what makes sidecars and ephemeral containers special: a sidecar's probes (readiness counts toward the Pod's
 * Ready; the next init container waits for its startupProbe) and the ephemeralContainers key (kubectl debug only).
 */
import { contains, type HoverProvider } from './types';
import { mdText } from './markdown';

const SIDECAR_DOC = 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/';
const EPHEMERAL_DOC = 'https://kubernetes.io/docs/concepts/workloads/pods/ephemeral-containers/';

// In the order the hover looks for them: the container fields whose meaning changes on a sidecar.
const SIDECAR_PROBES: ReadonlyArray<readonly ['readinessProbe' | 'startupProbe' | 'livenessProbe' | 'lifecycle', string]> = [
  ['readinessProbe', 'On a sidecar, the readinessProbe counts toward the Pod\'s Ready condition: while it fails, the Pod is not Ready and Services send it no traffic.'],
  ['startupProbe', 'On a sidecar, the startupProbe gates the start order: the next init container (and then the app containers) start only once it has succeeded.'],
  ['livenessProbe', 'On a sidecar, a failing livenessProbe restarts the sidecar; sidecars are always restarted, whatever the Pod\'s restartPolicy.'],
  ['lifecycle', 'On a sidecar, preStop runs when the sidecar is stopped — after the app containers have exited, in reverse order of the sidecars.'],
];

export const containerKindHover: HoverProvider = ({ document, offset }) => {
  const spec = document.workload?.podSpec;
  if (!spec) return undefined;
  for (const c of spec.sidecars) {
    for (const [key, text] of SIDECAR_PROBES) {
      const f = c.fields.$entry(key);
      if (f && contains(f.keySpan, offset)) return { markdown: `**${key} of sidecar ${mdText(c.name ?? '')}**\n\n${text}\n\n[Sidecar containers](${SIDECAR_DOC})`, span: f.keySpan };
    }
  }
  const eph = spec.fields.$entry('ephemeralContainers');
  if (eph && contains(eph.keySpan, offset)) {
    return {
      markdown: [
        '**Ephemeral containers** are added to a running Pod for debugging, with `kubectl debug -it <pod> --image=busybox --target=<container>` (the `pods/ephemeralcontainers` subresource). A manifest cannot create them: the API server rejects `ephemeralContainers` on create.',
        '',
        'They are never restarted, have no resource guarantees, no ports or probes. With `shareProcessNamespace: true` (or `--target`) they see the other containers\' processes, which is what makes them useful for debugging distroless images.',
        '',
        `[Ephemeral containers](${EPHEMERAL_DOC})`,
      ].join('\n'),
      span: eph.keySpan,
    };
  }
  return undefined;
};
