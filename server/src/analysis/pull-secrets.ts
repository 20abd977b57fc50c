/** The pull secrets a Pod uses: its own, then its service account's, as the ServiceAccount admission plugin adds them. */
import type { MapView } from './model/node-view';
import type { WorkspaceView } from './workspace-view';

export function effectivePullSecrets(spec: { view: MapView }, namespace: string | undefined, ws: WorkspaceView | undefined): { own: string[]; fromServiceAccount: string[]; serviceAccount: string } {
  const own = (spec.view.seq('imagePullSecrets')?.maps() ?? []).map(({ view }) => view.string('name')).filter((n): n is string => !!n);
  const serviceAccount = spec.view.string('serviceAccountName') ?? 'default';
  const sa = ws?.find('ServiceAccount', serviceAccount, namespace)[0];
  const fromServiceAccount = Array.isArray(sa?.facts.imagePullSecrets) ? (sa.facts.imagePullSecrets as string[]).filter((n) => !own.includes(n)) : [];
  return { own, fromServiceAccount, serviceAccount };
}

