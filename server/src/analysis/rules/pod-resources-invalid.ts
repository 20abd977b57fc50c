/**
 * pod-resources-invalid: pod-level `spec.resources` (KEP-2837) as validation.go validatePodResources checks it when the
 * PodLevelResources gate is on; with it off the API server drops the field silently (pkg/api/pod/util.go).
 */
import { effectiveResources } from '../k8s/effective-resources';
import { compare, formatQuantity, quantityOf, type Quantity } from '../k8s/quantity';
import { isFeatureEnabled } from '../k8s/target';
import { podResourcesInput } from '../inputs/pod-inputs';
import type { ResourceRequirements, Scalar } from '../model/api/types';
import { fieldPath } from '../model/node-view';
import type { PodSpecView } from '../model/pod-spec';
import type { Report, Rule } from './types';
import { notSupported } from './support/api-error';
import { quote } from './support/quote';

const REJECTS = 'the API server rejects the object';

/** component-helpers resource.IsSupportedPodLevelResource; SupportedPodLevelResources lists the hugepages prefix. */
function isSupported(name: string): boolean {
  return name === 'cpu' || name === 'memory' || name.startsWith('hugepages-');
}
const SUPPORTED = ['cpu', 'hugepages-', 'memory'];

type ResourceList = ResourceRequirements['limits'];

function quantities(list: ResourceList | undefined): Map<string, { field: Scalar<string | number>; q: Quantity }> {
  const out = new Map<string, { field: Scalar<string | number>; q: Quantity }>();
  for (const [key, field] of list ?? []) {
    // Unparsable quantities are left out: no comparison can be made with them.
    const q = quantityOf(field.value);
    if (!('error' in q)) out.set(key, { field, q });
  }
  return out;
}

/** validateResourceRequirements with validatePodResourceName: names, and requests against limits. */
function checkRequirements(resources: ResourceRequirements, report: Report): void {
  for (const list of [resources.requests, resources.limits]) {
    for (const [key, field] of list) {
      if (!isSupported(key)) {
        report({ message: `${quote(key)} cannot be set at pod level (only cpu, memory and hugepages); ${REJECTS} (\`${notSupported(key, SUPPORTED)}\`).`, span: field.keySpan, path: field.path });
      }
    }
  }
  const requests = quantities(resources.requests);
  const limits = quantities(resources.limits);
  for (const [name, req] of requests) {
    if (!isSupported(name)) continue;
    const lim = limits.get(name);
    // Hugepages cannot be overcommitted: their request must equal their limit, and needs one.
    const overcommit = !name.startsWith('hugepages-');
    if (!lim) {
      if (!overcommit) report({ message: `A pod-level ${name} request without a limit; ${REJECTS} (\`Required value: Limit must be set for non overcommitable resources\`).`, span: req.field.keySpan, path: fieldPath(resources.$path, 'limits') });
      continue;
    }
    const bad = overcommit ? compare(req.q, lim.q) > 0 : compare(req.q, lim.q) !== 0;
    if (!bad) continue;
    const relation = overcommit ? 'less than or equal to' : 'equal to';
    report({
      message: `The pod-level ${name} request ${overcommit ? 'exceeds' : 'differs from'} its limit; ${REJECTS} (\`Invalid value: ${quote(formatQuantity(req.q))}: must be ${relation} ${name} limit of ${formatQuantity(lim.q)}\`).`,
      span: req.field.span,
      path: fieldPath(resources.$path, 'requests'),
    });
  }
}

/** validatePodResourceConsistency: container requests within pod requests, container limits within pod limits. */
function checkConsistency(spec: PodSpecView, resources: ResourceRequirements, report: Report): void {
  const { overhead: _overhead, podLevel: _podLevel, ...containers } = podResourcesInput(spec);
  // AggregateContainerRequests: the containers alone, no pod-level values or overhead. A Pod's container requests are
  // defaulted from their limits first (SetDefaults_Pod); a template's are not.
  const aggregate = effectiveResources(containers, { podLevelResources: false, applyPodDefaults: !spec.isPodTemplate });
  const podRequests = quantities(resources.requests);
  for (const [name, pod] of podRequests) {
    const ctr = aggregate.requests[name];
    if (!ctr || compare(ctr.value, pod.q) <= 0) continue;
    report({
      message: `The containers together request more ${name} than the pod-level request; ${REJECTS} (\`Invalid value: ${quote(formatQuantity(pod.q))}: must be greater than or equal to aggregate container requests of ${ctr.canonical}\`).`,
      span: pod.field.span,
      path: pod.field.path,
    });
  }
  const podLimits = quantities(resources.limits);
  for (const [name, pod] of podLimits) {
    if (!name.startsWith('hugepages-')) continue;
    const ctr = aggregate.limits[name];
    if (!ctr || compare(ctr.value, pod.q) <= 0) continue;
    report({
      message: `The containers' ${name} limits together exceed the pod-level limit (hugepages cannot be overcommitted); ${REJECTS} (\`Invalid value: ${quote(formatQuantity(pod.q))}: must be greater than or equal to aggregate container limits of ${ctr.canonical}\`).`,
      span: pod.field.span,
      path: pod.field.path,
    });
  }
  // Only app containers are compared one by one (validatePodResourceConsistency ranges over spec.Containers).
  for (const c of spec.containers) {
    for (const [name, ctr] of quantities(c.fields.resources?.limits)) {
      const pod = podLimits.get(name);
      if (!pod || compare(ctr.q, pod.q) <= 0) continue;
      report({
        message: `A container's ${name} limit exceeds the pod-level limit; ${REJECTS} (\`Invalid value: ${quote(formatQuantity(ctr.q))}: must be less than or equal to pod limits of ${formatQuantity(pod.q)}\`).`,
        span: ctr.field.span,
        path: ctr.field.path,
      });
    }
  }
}

export const podResourcesInvalid: Rule = {
  id: 'pod-resources-invalid',
  defaultSeverity: 'error',
  // Partly judges what the object lacks (a field set elsewhere, in the base a Kustomize patch applies to).
  judgesAbsence: true,
  title: 'Invalid pod-level resources',
  source:
    'pkg/apis/core/validation/validation.go validatePodResources (`Forbidden: may not be set for a windows pod`, `claims may not be set for Resources at pod-level`), validatePodResourceName (`Unsupported value … supported values: "cpu", "hugepages-", "memory"`), validateResourceRequirements (`must be less than or equal to cpu limit of …`) and validatePodResourceConsistency (`must be greater than or equal to aggregate container requests of …`, `must be less than or equal to pod limits of …`); gated by PodLevelResources.',
  description:
    'Pod-level `spec.resources` (the PodLevelResources feature, beta and on by default from Kubernetes 1.34) sets a budget for the whole Pod. The API server rejects resources other than cpu, memory and hugepages there, `claims`, a request above its limit, pod-level requests below what the containers request together, a container limit above the pod-level limit, and any of it on a Windows Pod. When the gate is off in the target the API server drops `spec.resources` instead, and this rule is silent.',
  howToFix: 'Keep cpu, memory and hugepages at pod level, with requests at most the limits, at least the containers\' requests together, and pod limits at least each container\'s limit.',
  check({ document, options, report }) {
    const spec = document.workload?.podSpec;
    const resources = spec?.fields.resources;
    if (!spec || !resources || !isFeatureEnabled(options.target, 'PodLevelResources')) return;
    if (spec.fields.os?.name?.value === 'windows') {
      report({ message: `Pod-level resources on a Windows Pod; ${REJECTS} (\`Forbidden: may not be set for a windows pod\`).`, span: spec.fields.$entry('resources')!.keySpan, path: resources.$path });
      return;
    }
    // Presence as written: `claims: null` decodes to no list.
    const claims = resources.$entry('claims');
    if (claims && claims.value !== null) {
      report({ message: `Resource claims at pod level; ${REJECTS} (\`Forbidden: claims may not be set for Resources at pod-level\`).`, span: claims.keySpan, path: claims.path });
    }
    checkRequirements(resources, report);
    checkConsistency(spec, resources, report);
  },
};
