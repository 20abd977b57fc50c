/** What the status bar item says of the target in force (no vscode import: unit-tested). */
import type { TargetResult } from '../../protocol/target';

export const STATUS_TOOLTIP = 'Pod Lens is checking the pod specs of this file. Click for the startup preview.';

/** Where to change the release; the click stays the preview's, so the tooltip names the command. */
export const CHOOSE_HINT = 'Change the release with "Pod Lens: Choose Kubernetes Version".';

/** What the item says for a target: `K8s 1.31`, with the gates set and where the version comes from in the tooltip. */
export function describeTargetForStatus(t: TargetResult): { text: string; tooltip: string } {
  const gates = Object.entries(t.featureGates).map(([k, v]) => `${k}=${v}`);
  const from = t.source === 'file' ? 'pinned by the file (# pod-lens: kubernetes-version=…)' : 'from podLens.kubernetesVersion';
  return {
    text: `$(symbol-namespace) Pod Lens · K8s ${t.version}`,
    tooltip: `${STATUS_TOOLTIP}\nChecked against Kubernetes ${t.version}, ${from}${gates.length ? `; feature gates ${gates.join(', ')}` : ''}.\n${CHOOSE_HINT}`,
  };
}
