/** apiVersion/kind pairs the API no longer serves, with the release that removed them (Kubernetes' deprecated API migration guide). */
import { servedApiVersion } from './catalog';

/** apiVersion → kind → the minor that stopped serving it. */
const REMOVED: Record<string, Record<string, string>> = {
  'extensions/v1beta1': { Deployment: '1.16', DaemonSet: '1.16', ReplicaSet: '1.16' },
  'apps/v1beta1': { Deployment: '1.16', StatefulSet: '1.16', ReplicaSet: '1.16' },
  'apps/v1beta2': { Deployment: '1.16', StatefulSet: '1.16', DaemonSet: '1.16', ReplicaSet: '1.16' },
  'batch/v1beta1': { CronJob: '1.25' },
  'batch/v2alpha1': { CronJob: '1.21' },
  'node.k8s.io/v1beta1': { RuntimeClass: '1.25' },
  'node.k8s.io/v1alpha1': { RuntimeClass: '1.22' },
};

export interface Unserved {
  message: string;
  /** The apiVersion that serves the kind now. */
  served: string;
  removedIn?: string;
}

/** Why `apiVersion`/`kind` is not served, for kinds the catalog knows at another apiVersion; undefined when served or unknown. */
export function unserved(apiVersion: string, kind: string): Unserved | undefined {
  const served = servedApiVersion(kind);
  if (!served || served === apiVersion || !isBuiltInGroup(apiVersion)) return undefined;
  const removedIn = REMOVED[apiVersion]?.[kind];
  const why = removedIn ? `${apiVersion} ${kind} was removed in Kubernetes ${removedIn}; ` : '';
  return {
    message: `no matches for kind "${kind}" in version "${apiVersion}": ${why}${kind} is served as ${served}`,
    served,
    removedIn,
  };
}

/** Kubernetes' own groups: the core group and groups without a domain or under k8s.io. Others are custom resources. */
function isBuiltInGroup(apiVersion: string): boolean {
  const slash = apiVersion.indexOf('/');
  if (slash < 0) return true;
  const group = apiVersion.slice(0, slash);
  return !group.includes('.') || group.endsWith('.k8s.io');
}
