/**
 * Hover on `resources:` of a container, on `containers:` / `initContainers:`, and on the pod spec's key: the Pod's
 * effective requests and limits (component-helpers PodRequests/PodLimits), which phase decides each, and its QoS class.
 */
import { isContainerOnly } from '../model/custom-workloads';
import { containerShare, type EffectiveValue } from '../k8s/effective-resources';
import { formatQuantity, multiply } from '../k8s/quantity';
import { podPlan } from '../describe/pod-plan';
import { podResourcesInput } from '../inputs/pod-inputs';
import type { ManifestDocument } from '../model/manifest';
import type { Span } from '../model/span';
import { contains, type HoverProvider } from './types';
import { mdCode, mdText } from './markdown';

const RESOURCES_DOC = 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/';
const QOS_DOC = 'https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/';

/** Where the hover applies: the spec's own key, its containers/initContainers keys, or a container's resources. */
function target(document: ManifestDocument, offset: number): { span: Span; container?: string } | undefined {
  const w = document.workload;
  if (!w || isContainerOnly(w)) return undefined;
  const spec = w.podSpec;
  for (const c of spec.all) {
    const r = c.view.get('resources');
    if (r && contains(r.keySpan, offset)) return { span: r.keySpan, container: c.name };
  }
  for (const key of ['containers', 'initContainers']) {
    const f = spec.view.get(key);
    if (f && contains(f.keySpan, offset)) return { span: f.keySpan };
  }
  // The key of the pod spec itself (`spec:` of a Pod, the template's `spec:`).
  const templateSpec = w.template?.get('spec');
  if (templateSpec && contains(templateSpec.keySpan, offset)) return { span: templateSpec.keySpan };
  const parentKey = spec.path.split('.').slice(0, -1).join('.');
  let view = document.root;
  for (const k of parentKey ? parentKey.split('.') : []) view = view?.map(k);
  const own = view?.get('spec');
  if (own && contains(own.keySpan, offset)) return { span: own.keySpan };
  return undefined;
}

function row(name: string, req: EffectiveValue | undefined, lim: EffectiveValue | undefined): string {
  const r = req ? `${mdText(req.canonical)}${req.overheadAdded ? ' (+overhead)' : ''}` : '—';
  const l = lim ? `${mdText(lim.canonical)}${lim.overheadAdded ? ' (+overhead)' : ''}` : '— (no limit)';
  return `| ${mdText(name)} | ${r} | ${l} | ${req ? mdText(req.decidedBy.description) : ''} |`;
}

export const resourcesHover: HoverProvider = ({ document, offset, options }) => {
  const t = target(document, offset);
  const w = document.workload;
  if (!t || !w) return undefined;
  const runtimeClass = w.podSpec.view.string('runtimeClassName');
  const rc = runtimeClass ? options.workspace?.find('RuntimeClass', runtimeClass, undefined)[0] : undefined;
  const runtimeOverhead = rc?.facts.overhead as Record<string, unknown> | undefined;
  const plan = podPlan(w.podSpec, w.kind.isJob, runtimeOverhead, options.target);
  const { requests, limits } = plan.resources;
  const names = [...new Set([...Object.keys(requests), ...Object.keys(limits)])].sort();
  const lines: string[] = [`**Effective Pod resources** (what the scheduler reserves) · QoS **${plan.qos.qos}**`, ''];
  if (names.length === 0) lines.push('No container requests or limits anything.', '');
  else {
    lines.push('| resource | request | limit | decided |', '|---|---|---|---|', ...names.map((n) => row(n, requests[n], limits[n])), '');
    const appPhase = names.filter((n) => requests[n]).map((n) => `${mdText(n)} ${mdText(formatQuantity(requests[n]!.appPhase))}`);
    if (appPhase.length) lines.push(`App phase (app containers + sidecars): ${appPhase.join(', ')}.`, '');
    const unbounded = names.filter((n) => limits[n] && limits[n]!.missingIn.length > 0).map((n) => `${mdText(n)} (no limit in ${limits[n]!.missingIn.map(mdText).join(', ')})`);
    if (unbounded.length) lines.push(`A missing limit counts as 0 in this sum, but the container itself is unbounded: ${unbounded.join('; ')}.`, '');
  }
  if (runtimeOverhead && !w.podSpec.view.has('overhead')) lines.push(`Includes the overhead of RuntimeClass ${mdText(runtimeClass)} (handler ${mdCode(String(rc?.facts.handler))}), which admission copies into spec.overhead.`, '');
  lines.push(`**QoS ${plan.qos.qos}**: ${plan.qos.reason}.`, '');
  if (w.replicas !== undefined && w.replicas > 1 && names.length) {
    const total = names.filter((n) => requests[n]).map((n) => `${mdText(n)} ${mdText(formatQuantity(multiply(requests[n]!.value, w.replicas!)))}`);
    lines.push(`For ${w.replicas} replicas: ${total.join(', ')} requested in total.`, '');
  }
  if (t.container) {
    const share = containerShare(podResourcesInput(w.podSpec, options.target), t.container, plan.resources);
    if (share) {
      const part = (xs: typeof share.requests) => xs.map((x) => `${mdText(x.resource)} ${mdText(x.value)}${x.percent !== undefined ? ` (${x.percent}% of ${mdText(x.effective)})` : ''}`).join(', ') || '—';
      lines.push(`**${mdText(share.name)}**: requests ${part(share.requests)}; limits ${part(share.limits)}.`, '');
    }
  }
  if (plan.resources.invalid.length) lines.push(`Not counted (invalid quantities): ${plan.resources.invalid.map((i) => `${mdText(i.container)} ${mdText(i.resource)}`).join(', ')}.`, '');
  lines.push(`[Resource management](${RESOURCES_DOC}) · [Pod QoS classes](${QOS_DOC})`);
  return { markdown: lines.join('\n'), span: t.span };
};
