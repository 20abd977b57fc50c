/** Completion of imagePullPolicy and restartPolicy values, with what each means, where each is allowed. */
import { defaultPullPolicy } from '../k8s/pull-policy';
import type { ContainerView } from '../model/pod-spec';
import type { CompletionItem, CompletionProvider } from './index';

const PULL: Array<[string, string]> = [
  ['Always', 'Resolve the tag at the registry at every container start; pull when the digest changed.'],
  ['IfNotPresent', 'Use the image on the node; pull only when the node has none of that name.'],
  ['Never', 'Never pull; the image must be preloaded on the node, else ErrImageNeverPull.'],
];
const POD_RESTART: Array<[string, string]> = [
  ['Always', 'Restart containers whenever they exit (the default; required by Deployments, StatefulSets, DaemonSets). Init containers are retried as with OnFailure.'],
  ['OnFailure', 'Restart containers that exit non-zero; a Job\'s Pod finishes when they succeed.'],
  ['Never', 'Never restart; a failing init container fails the whole Pod.'],
];
const SIDECAR: Array<[string, string]> = [
  ['Always', 'Makes this init container a sidecar: it starts in order, keeps running beside the app containers, and is restarted when it exits.'],
];

// The line up to the cursor: `key: partial` (optionally as the first entry of a list item).
const LINE = /(?:^|\n)([ \t]*(?:-[ \t]+)?)(imagePullPolicy|restartPolicy):[ \t]*(["']?)([A-Za-z]*)$/;

function innermost(containers: ContainerView[], offset: number): ContainerView | undefined {
  return containers.find((c) => c.span.start <= offset && offset <= c.span.end + 1);
}

export const policyValues: CompletionProvider = ({ document, offset }) => {
  const spec = document.workload?.podSpec;
  if (!spec) return [];
  const lineStart = document.text.lastIndexOf('\n', offset - 1) + 1;
  const m = LINE.exec(document.text.slice(lineStart, offset));
  if (!m) return [];
  const key = m[2]!;
  const partial = m[4]!;
  const span = { start: offset - partial.length, end: offset };
  const container = innermost(spec.all, lineStart);
  let values: Array<[string, string]>;
  // The value Kubernetes would store if the field were left out, and why (pkg/apis/core/v1/defaults.go).
  let byDefault: { value: string; why: string } | undefined;
  if (key === 'imagePullPolicy') {
    if (!container) return [];
    values = PULL;
    // SetDefaults_Container: from the image's tag ("latest" or none → Always, else IfNotPresent).
    const image = container.fields.image?.value;
    if (image !== undefined) {
      const d = defaultPullPolicy(image);
      byDefault = { value: d.policy, why: `for ${image}: ${d.reason}` };
    }
  } else if (!container) {
    const isJob = document.workload?.kind.isJob === true;
    values = isJob ? POD_RESTART.filter(([v]) => v !== 'Always') : POD_RESTART;
    // SetDefaults_PodSpec: RestartPolicy Always. A Job's template has no usable default (Always is rejected there).
    if (!isJob) byDefault = { value: 'Always', why: 'for a Pod that leaves restartPolicy out' };
  } else if (container.list === 'initContainers') {
    values = SIDECAR;
  } else return [];
  return values.map(([label, documentation], i): CompletionItem => {
    const isDefault = byDefault?.value === label;
    return {
      label,
      detail: isDefault ? `${key} (the default here)` : key,
      documentation: isDefault ? `Kubernetes' default ${byDefault!.why}. ${documentation}` : documentation,
      span,
      sortText: String(i),
    };
  });
};
