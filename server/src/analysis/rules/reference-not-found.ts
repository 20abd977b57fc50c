/** reference-not-found: service account, RuntimeClass, ConfigMaps, Secrets and PVCs named by the pod spec, across files. */
import { podReferences } from '../k8s/pod-references';
import type { Scalar } from '../model/api/types';
import type { WorkspaceView } from '../workspace-view';
import type { Rule, RuleContext } from './types';
import { keysOfAll, listKeys, whereDefined } from './support/definitions';
import { quote } from './support/quote';
import { namespaceIn } from '../k8s/namespace';

/** RuntimeClasses are cluster-scoped: looked up in no namespace. */
function checkRuntimeClass(rc: Scalar<string>, ws: WorkspaceView, report: RuleContext['report']): void {
  if (rc.value === undefined || rc.value === '' || ws.find('RuntimeClass', rc.value, undefined).length > 0) return;
  // A warning when the workspace manages RuntimeClasses (a typo is likely), a note when they come from elsewhere.
  if (ws.hasKind('RuntimeClass')) {
    report({ severity: 'warning', message: `RuntimeClass ${quote(rc.value)} is not defined in this workspace, which defines others: a Pod naming a missing RuntimeClass does not start.`, span: rc.span, path: rc.path });
  } else {
    report({ message: `RuntimeClass ${quote(rc.value)} is not in this workspace: unless the cluster has it, the Pod does not start.`, span: rc.span, path: rc.path });
  }
}

export const referenceNotFound: Rule = {
  id: 'reference-not-found',
  defaultSeverity: 'information',
  scope: 'workspace',
  title: 'Referenced object not in the workspace',
  source:
    'kubelet: a missing ConfigMap or Secret (not optional) keeps the container in CreateContainerConfigError, a missing volume source keeps the Pod in ContainerCreating; ServiceAccount admission rejects a Pod whose service account does not exist; a missing RuntimeClass fails the Pod (RuntimeClass admission / kubelet).',
  description:
    'The pod spec names a ServiceAccount, RuntimeClass, ConfigMap, Secret or PersistentVolumeClaim (or a key in one) that this workspace does not define in that namespace. A Pod or an object without `metadata.namespace` is in the namespace `kubectl apply -n` would put it in: `podLens.defaultNamespace` (or `--namespace`), else `default`. Reported as information only when the workspace defines objects of that kind at all — otherwise they are clearly managed elsewhere — and never for references marked `optional: true`. A missing RuntimeClass is a warning: the Pod cannot start. When the workspace defines an object twice (same kind, namespace and name, e.g. in two files), every definition counts: a key is missing only when none has it, and a key that only some have gets a note, since the cluster keeps whichever is applied last.',
  howToFix: 'Add the object to the manifests, fix the name, or mark the reference `optional: true` if the container can run without it.',
  check({ document, options, report }) {
    const ws = options.workspace;
    const spec = document.workload?.podSpec;
    if (!ws || !spec) return;
    const namespace = document.namespace;
    // An unset namespace is where `kubectl apply -n` (podLens.defaultNamespace, --namespace) puts the Pod.
    const inNamespace = namespaceIn(namespace, ws);
    const need = (kind: string, name: Scalar<string>, key?: Scalar<string>) => {
      if (name.value === undefined || name.value === '' || !ws.hasKind(kind)) return;
      const found = ws.find(kind, name.value, namespace);
      if (found.length === 0) {
        report({ message: `${kind} ${quote(name.value)} is not defined in namespace ${inNamespace} in this workspace.`, span: name.span, path: name.path });
        return;
      }
      const keys = keysOfAll(found);
      if (key?.value === undefined || !keys) return;
      const wanted = key.value;
      // Two objects of one name: the cluster keeps whichever is applied last, so a key counts when any of them has it,
      // and a key only some of them have is worth a note.
      const having = found.filter((o) => Array.isArray(o.facts.keys) && o.facts.keys.includes(wanted)).length;
      const twice = `${kind} ${quote(name.value)} is defined ${found.length} times in namespace ${inNamespace} (${whereDefined(found)})`;
      if (having === 0) {
        const where = found.length > 1 ? `${twice} and none of them has key ${quote(wanted)}` : `${kind} ${quote(name.value)} has no key ${quote(wanted)}`;
        report({ message: `${where} (it has ${listKeys(keys)}).`, span: key.span, path: key.path });
      } else if (having < found.length) {
        report({ message: `${twice} and only ${having} of them ${having === 1 ? 'has' : 'have'} key ${quote(wanted)}: the cluster keeps whichever is applied last.`, span: key.span, path: key.path });
      }
    };
    for (const reference of podReferences(spec)) {
      // Pull secrets are image-pull-secret-not-found's; an optional reference may be missing.
      if (reference.via === 'imagePullSecrets' || reference.optional) continue;
      if (reference.kind === 'RuntimeClass') checkRuntimeClass(reference.name, ws, report);
      else need(reference.kind, reference.name, reference.key);
    }
  },
};
