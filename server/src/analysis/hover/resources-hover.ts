/**
 * Hover on a container's `resources:` (or its `requests:` / `limits:`), on `containers:` / `initContainers:`, and on
 * the pod spec's key: the container's own values first, then the Pod's effective requests and limits
 * (component-helpers PodRequests/PodLimits) with what decided each value, and the QoS class.
 */
import { isContainerOnly } from '../model/custom-workloads';
import { containerShare, type EffectiveValue } from '../k8s/effective-resources';
import { formatQuantity, multiply } from '../k8s/quantity';
import { podPlan } from '../describe/pod-plan';
import { podResourcesInput } from '../inputs/pod-inputs';
import { objectView } from '../model/api/object-view';
import type { PodTemplateSpec } from '../model/api/types';
import type { ManifestDocument } from '../model/manifest';
import type { Span } from '../model/span';
import { contains, type HoverProvider } from './types';
import { mdCode, mdText } from './markdown';

const RESOURCES_DOC = 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/';
const QOS_DOC = 'https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/';

/** Where the hover applies: the spec's own key, its containers/initContainers keys, or a container's resources keys. */
function target(document: ManifestDocument, offset: number): { span: Span; container?: string } | undefined {
  const w = document.workload;
  if (!w || isContainerOnly(w)) return undefined;
  const spec = w.podSpec;
  for (const c of spec.all) {
    const r = c.fields.$entry('resources');
    if (r && contains(r.keySpan, offset)) return { span: r.keySpan, container: c.name };
    // `requests:` and `limits:` explain the same sums: a request and a limit can be decided by different phases.
    for (const key of ['requests', 'limits'] as const) {
      const f = c.fields.resources?.$entry(key);
      if (f && contains(f.keySpan, offset)) return { span: f.keySpan, container: c.name };
    }
  }
  for (const key of ['containers', 'initContainers'] as const) {
    const f = spec.fields.$entry(key);
    if (f && contains(f.keySpan, offset)) return { span: f.keySpan };
  }
  // The key of the pod spec itself (`spec:` of a Pod, the template's `spec:`).
  const templateSpec = w.template && objectView<PodTemplateSpec>(w.template, 'V1PodTemplateSpec').$entry('spec');
  if (templateSpec && contains(templateSpec.keySpan, offset)) return { span: templateSpec.keySpan };
  // Else the key in the object that holds it, found along the pod spec's path (any path a custom resource gives).
  const parentKey = spec.path.split('.').slice(0, -1).join('.');
  let view = document.root;
  for (const k of parentKey ? parentKey.split('.') : []) view = view?.map(k);
  const own = view?.get('spec');
  if (own && contains(own.keySpan, offset)) return { span: own.keySpan };
  return undefined;
}

/** One cell: the value and what decided it (requests and limits are maxima over phases taken separately). */
function cell(v: EffectiveValue | undefined, none: string): string {
  if (!v) return none;
  return `${mdText(v.canonical)}${v.overheadAdded ? ' (+overhead)' : ''} · ${mdText(v.decidedBy.description)}`;
}

export const resourcesHover: HoverProvider = ({ document, offset, options }) => {
  const t = target(document, offset);
  const w = document.workload;
  if (!t || !w) return undefined;
  const plan = podPlan(w.podSpec, w.kind.isJob, options.workspace, options.target);
  const { requests, limits } = plan.resources;
  const names = [...new Set([...Object.keys(requests), ...Object.keys(limits)])].sort();
  const lines: string[] = [];
  // The answer first: this container's own values and its share of the Pod's.
  if (t.container) {
    const share = containerShare(podResourcesInput(w.podSpec, options.target), t.container, plan.resources);
    if (share) {
      const part = (xs: typeof share.requests) => xs.map((x) => `${mdText(x.resource)} ${mdText(x.value)}${x.percent !== undefined ? ` (${x.percent}% of ${mdText(x.effective)})` : ''}`).join(', ') || '—';
      lines.push(`**${mdText(share.name)}**: requests ${part(share.requests)}; limits ${part(share.limits)}.`, '');
    }
  }
  lines.push(`**Effective Pod resources** (what the scheduler reserves) · QoS **${plan.qos.qos}**`, '');
  if (names.length === 0) lines.push('No container requests or limits anything.', '');
  else {
    lines.push('| resource | request | limit |', '|---|---|---|', ...names.map((n) => `| ${mdText(n)} | ${cell(requests[n], '—')} | ${cell(limits[n], '— (no limit)')} |`), '');
    const unbounded = names.filter((n) => limits[n] && limits[n]!.missingIn.length > 0).map((n) => `${mdText(n)} (no limit in ${limits[n]!.missingIn.map(mdText).join(', ')})`);
    if (unbounded.length) lines.push(`A missing limit counts as 0 in this sum, but the container itself is unbounded: ${unbounded.join('; ')}.`, '');
  }
  if (plan.runtimeClass) lines.push(`Includes the overhead of RuntimeClass ${mdText(plan.runtimeClass.name)} (handler ${mdCode(String(plan.runtimeClass.handler))}), which admission copies into spec.overhead.`, '');
  lines.push(`QoS ${mdText(plan.qos.qos)}: ${plan.qos.reason}.`, '');
  if (w.replicas !== undefined && w.replicas > 1 && names.length) {
    const total = names.filter((n) => requests[n]).map((n) => `${mdText(n)} ${mdText(formatQuantity(multiply(requests[n]!.value, w.replicas!)))}`);
    lines.push(`For ${w.replicas} replicas: ${total.join(', ')} requested in total.`, '');
  }
  if (plan.resources.invalid.length) lines.push(`Not counted (invalid quantities): ${plan.resources.invalid.map((i) => `${mdText(i.container)} ${mdText(i.resource)}`).join(', ')}.`, '');
  lines.push(`[Resource management](${RESOURCES_DOC}) · [Pod QoS classes](${QOS_DOC})`);
  return { markdown: lines.join('\n'), span: t.span, complete: true };
};
