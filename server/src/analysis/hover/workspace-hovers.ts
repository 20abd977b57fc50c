/** Hovers that read the workspace index: pull secrets, service accounts, RuntimeClasses, Services and their env vars. */
import { podReferences } from '../k8s/pod-references';
import { effectivePullSecrets } from '../k8s/pull-secrets';
import type { IndexedObject } from '../workspace-view';
import { contains, type HoverProvider } from './types';
import { mdCode, mdText } from './markdown';
import { namespaceIn } from '../k8s/namespace';

function where(o: IndexedObject): string {
  return mdText(o.uri.replace(/^file:\/\//, ''));
}

export const workspaceHover: HoverProvider = ({ document, offset, options }) => {
  const ws = options.workspace;
  const spec = document.workload?.podSpec;
  if (!ws || !spec) return undefined;
  const namespace = document.namespace;
  const reference = podReferences(spec).find((r) => r.name.value !== undefined && contains(r.name.span, offset));
  const name = reference?.name.value;
  if (reference && name !== undefined) {
    const span = reference.name.span;
    if (reference.via === 'imagePullSecrets') {
      const secret = ws.find('Secret', name, namespace)[0];
      const text = secret
        ? `**Secret ${mdText(name)}** (${mdText(secret.facts.type)}) in ${where(secret)}\n\nHolds credentials for: ${secret.facts.registries?.length ? secret.facts.registries.slice(0, 20).map((h) => mdCode(h)).join(', ') : 'no registry (not a docker config)'}.`
        : `**Secret ${mdText(name)}** is not in this workspace (namespace ${mdText(namespaceIn(namespace, ws))}).`;
      return { markdown: text, span };
    }
    if (reference.via === 'serviceAccountName') {
      const found = ws.find('ServiceAccount', name, namespace)[0];
      const pulls = effectivePullSecrets(spec, namespace, ws);
      const lines = [found ? `**ServiceAccount ${mdText(name)}** in ${where(found)}` : `**ServiceAccount ${mdText(name)}** is not in this workspace.`, ''];
      lines.push(`Pull secrets the Pod will use (its own, or when it lists none the service account's, as the ServiceAccount admission plugin sets them): ${[...pulls.own, ...pulls.fromServiceAccount].slice(0, 20).map((n) => mdCode(n)).join(', ') || 'none'}.`);
      return { markdown: lines.join('\n'), span };
    }
    if (reference.via === 'runtimeClassName') {
      const found = ws.find('RuntimeClass', name, undefined)[0];
      const overhead = found?.facts.overhead;
      const text = found
        ? `**RuntimeClass ${mdText(name)}**: handler ${mdCode(String(found.facts.handler))}${overhead ? `; overhead added to the Pod's requests: ${Object.entries(overhead).map(([k, v]) => `${mdText(k)} ${mdText(String(v))}`).join(', ')}` : ''}.`
        : `**RuntimeClass ${mdText(name)}** is not in this workspace; the Pod does not start unless the cluster has it.`;
      return { markdown: text, span };
    }
  }
  // Service environment variables and init containers waiting for a Service.
  for (const c of spec.all) {
    for (const item of [...c.fields.command, ...c.fields.args, ...c.fields.env.map((e) => e.value)]) {
      if (item?.value === undefined || !contains(item.span, offset)) continue;
      const envVar = /\b([A-Z0-9_]+)_SERVICE_(HOST|PORT)\b/.exec(item.value);
      if (envVar) {
        const service = envVar[1]!.toLowerCase().replace(/_/g, '-');
        const found = ws.find('Service', service, namespace)[0];
        return {
          markdown: `**${mdText(envVar[0])}**: set by the kubelet for every Service that exists in the Pod's namespace *when the Pod starts* (here: Service ${mdCode(service)}, ${found ? `defined in ${where(found)}` : 'not in this workspace'}). A Service created after the Pod has no such variable; DNS (${mdCode(`${service}.${namespaceIn(namespace, ws)}.svc`)}) has no such ordering problem.`,
          span: item.span,
        };
      }
      const waits = /nslookup\s+([a-z0-9-]+)/.exec(item.value);
      if (waits && c.type === 'init') {
        const found = ws.find('Service', waits[1]!, namespace)[0];
        return { markdown: `**${mdText(c.name ?? '')}** waits until Service ${mdCode(waits[1])} resolves in DNS; ${found ? `it is defined in ${where(found)}` : 'it is not in this workspace, so make sure it is created, or the Pod stays in Init'}.`, span: item.span };
      }
    }
  }
  return undefined;
};
