/** The pull secrets a Pod uses: its own, or when it lists none, its service account's. */
import type { PodSpecView } from '../model/pod-spec';
import type { WorkspaceView } from '../workspace-view';

export interface EffectivePullSecrets {
  /** The pod spec's own `imagePullSecrets` names (empty names left out: they name no Secret). */
  own: string[];
  /** The service account's, which the Pod gets only when it lists none of its own. */
  fromServiceAccount: string[];
  /** `serviceAccountName`, or `default` as the admission plugin sets it. */
  serviceAccount: string;
}

/**
 * plugin/pkg/admission/serviceaccount/admission.go: `serviceAccountName` defaults to `default`, and
 * `if len(pod.Spec.ImagePullSecrets) == 0` the service account's `imagePullSecrets` are copied in. A Pod listing any
 * entry (even one with an empty name) keeps only its own.
 */
export function effectivePullSecrets(spec: PodSpecView, namespace: string | undefined, ws: WorkspaceView | undefined): EffectivePullSecrets {
  const written = spec.fields.imagePullSecrets;
  const own = written.map((s) => s.name?.value).filter((n): n is string => !!n);
  const serviceAccount = spec.fields.serviceAccountName?.value || 'default';
  const sa = written.length === 0 ? ws?.find('ServiceAccount', serviceAccount, namespace)[0] : undefined;
  const fromServiceAccount = sa?.facts.imagePullSecrets ?? [];
  return { own, fromServiceAccount, serviceAccount };
}
