/**
 * The namespace of an object that does not name one. kubectl creates it in the namespace of `-n`, else the kubeconfig
 * context's, else `default` (kubectl's apply: `cmdutil.DefaultNamespace`); Pod Lens is told the first two by
 * `podLens.defaultNamespace` and `--namespace`.
 */
import { dns1123LabelProblems } from './names';
import type { WorkspaceView } from '../workspace-view';

/** The namespace when neither the object, nor the setting, nor the flag names one. */
export const KUBERNETES_DEFAULT_NAMESPACE = 'default';

/** validation.go ValidateNamespaceName is NameIsDNSLabel: a DNS-1123 label, at most 63 characters. */
export function isNamespaceName(value: string): boolean {
  return dns1123LabelProblems(value).length === 0;
}

/** The namespace an object is applied to: as written, else the workspace's default (an empty one counts as unset). */
export function namespaceIn(written: string | undefined, ws: Pick<WorkspaceView, 'defaultNamespace'> | undefined): string {
  return written || ws?.defaultNamespace || KUBERNETES_DEFAULT_NAMESPACE;
}
