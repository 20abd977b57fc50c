/** inspect: the pull secrets a Pod will use — its own, or when it lists none its service account's (ServiceAccount admission). */
import { effectivePullSecrets } from '../k8s/pull-secrets';
import type { PodSpecView } from '../model/pod-spec';
import type { WorkspaceView } from '../workspace-view';

export function describePullSecrets(spec: PodSpecView, workload: { namespace: string | undefined; workspace?: WorkspaceView }): Record<string, unknown> {
  const p = effectivePullSecrets(spec, workload.namespace, workload.workspace);
  return { serviceAccount: p.serviceAccount, imagePullSecrets: [...p.own, ...p.fromServiceAccount], imagePullSecretsFromServiceAccount: p.fromServiceAccount };
}
