/** reference-not-found: service account, RuntimeClass, ConfigMaps, Secrets and PVCs named by the pod spec, across files. */
import type { MapView } from '../model/node-view';
import type { Rule, RuleContext } from './types';
import { keysOfAll, listKeys, whereDefined } from './support/definitions';
import { quote } from './support/quote';

type Report = RuleContext['report'];

function optional(v: MapView | undefined): boolean {
  return v?.get('optional')?.value === true;
}

export const referenceNotFound: Rule = {
  id: 'reference-not-found',
  defaultSeverity: 'information',
  scope: 'workspace',
  title: 'Referenced object not in the workspace',
  source:
    'kubelet: a missing ConfigMap or Secret (not optional) keeps the container in CreateContainerConfigError, a missing volume source keeps the Pod in ContainerCreating; ServiceAccount admission rejects a Pod whose service account does not exist; a missing RuntimeClass fails the Pod (RuntimeClass admission / kubelet).',
  description:
    'The pod spec names a ServiceAccount, RuntimeClass, ConfigMap, Secret or PersistentVolumeClaim (or a key in one) that this workspace does not define in that namespace. Reported as information only when the workspace defines objects of that kind at all — otherwise they are clearly managed elsewhere — and never for references marked `optional: true`. A missing RuntimeClass is a warning: the Pod cannot start. When the workspace defines an object twice (same kind, namespace and name, e.g. in two files), every definition counts: a key is missing only when none has it, and a key that only some have gets a note, since the cluster keeps whichever is applied last.',
  howToFix: 'Add the object to the manifests, fix the name, or mark the reference `optional: true` if the container can run without it.',
  check({ document, options, report }) {
    const ws = options.workspace;
    const spec = document.workload?.podSpec;
    if (!ws || !spec) return;
    const namespace = document.namespace;
    const need = (kind: string, name: unknown, span: { start: number; end: number }, path: string, key?: { value: unknown; span: { start: number; end: number }; path: string }, r: Report = report) => {
      if (typeof name !== 'string' || name === '' || !ws.hasKind(kind)) return;
      const found = ws.find(kind, name, namespace);
      if (found.length === 0) {
        r({ message: `${kind} ${quote(name)} is not defined in namespace ${namespace ?? 'default'} in this workspace.`, span, path });
        return;
      }
      const keys = keysOfAll(found);
      if (!key || typeof key.value !== 'string' || !keys) return;
      // Two objects of one name: the cluster keeps whichever is applied last, so a key counts when any of them has it,
      // and a key only some of them have is worth a note.
      const having = found.filter((o) => Array.isArray(o.facts.keys) && o.facts.keys.includes(key.value)).length;
      const twice = `${kind} ${quote(name)} is defined ${found.length} times in namespace ${namespace ?? 'default'} (${whereDefined(found)})`;
      if (having === 0) {
        const where = found.length > 1 ? `${twice} and none of them has key ${quote(key.value)}` : `${kind} ${quote(name)} has no key ${quote(key.value)}`;
        r({ message: `${where} (it has ${listKeys(keys)}).`, span: key.span, path: key.path });
      } else if (having < found.length) {
        r({ message: `${twice} and only ${having} of them ${having === 1 ? 'has' : 'have'} key ${quote(key.value)}: the cluster keeps whichever is applied last.`, span: key.span, path: key.path });
      }
    };
    const sa = spec.view.get('serviceAccountName');
    if (sa) need('ServiceAccount', sa.value, sa.span, sa.path);
    const rc = spec.view.get('runtimeClassName');
    if (rc && typeof rc.value === 'string' && rc.value !== '' && ws.find('RuntimeClass', rc.value, undefined).length === 0) {
      // A warning when the workspace manages RuntimeClasses (a typo is likely), a note when they come from elsewhere.
      if (ws.hasKind('RuntimeClass')) {
        report({ severity: 'warning', message: `RuntimeClass ${quote(rc.value)} is not defined in this workspace, which defines others: a Pod naming a missing RuntimeClass does not start.`, span: rc.span, path: rc.path });
      } else {
        report({ message: `RuntimeClass ${quote(rc.value)} is not in this workspace: unless the cluster has it, the Pod does not start.`, span: rc.span, path: rc.path });
      }
    }
    for (const c of spec.all) {
      for (const { view } of c.view.seq('env')?.maps() ?? []) {
        const from = view.map('valueFrom');
        for (const [key, kind] of [['configMapKeyRef', 'ConfigMap'], ['secretKeyRef', 'Secret']] as const) {
          const ref = from?.map(key);
          if (!ref || optional(ref)) continue;
          const name = ref.get('name');
          if (name) need(kind, name.value, name.span, name.path, ref.get('key'));
        }
      }
      for (const { view } of c.view.seq('envFrom')?.maps() ?? []) {
        for (const [key, kind] of [['configMapRef', 'ConfigMap'], ['secretRef', 'Secret']] as const) {
          const ref = view.map(key);
          if (!ref || optional(ref)) continue;
          const name = ref.get('name');
          if (name) need(kind, name.value, name.span, name.path);
        }
      }
    }
    for (const { view } of spec.view.seq('volumes')?.maps() ?? []) {
      const cm = view.map('configMap');
      if (cm && !optional(cm)) need('ConfigMap', cm.get('name')?.value, cm.get('name')?.span ?? cm.span, `${cm.path}.name`);
      const secret = view.map('secret');
      if (secret && !optional(secret)) need('Secret', secret.get('secretName')?.value, secret.get('secretName')?.span ?? secret.span, `${secret.path}.secretName`);
      const pvc = view.map('persistentVolumeClaim');
      if (pvc) need('PersistentVolumeClaim', pvc.get('claimName')?.value, pvc.get('claimName')?.span ?? pvc.span, `${pvc.path}.claimName`);
    }
  },
};
