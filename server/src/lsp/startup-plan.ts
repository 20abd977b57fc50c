/** The `podLens/startupPlan` request: each pod spec's start and stop order and requests by phase, for the preview. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PreviewWorkload, StartupPlanResult } from '../../../protocol/startup-plan';
import { podPlan } from '../analysis/describe/pod-plan';
import { parseQuantity, toMilliApprox, toNumberApprox } from '../analysis/k8s/quantity';
import { isContainerOnly } from '../analysis/model/custom-workloads';
import { workloadsOf } from '../analysis/model/manifest';
import type { DocumentCache } from './document-cache';
import { fileTarget } from '../analysis/k8s/file-target';
import type { AnalysisOptions } from '../analysis/options';
import { effectiveWorkload } from '../analysis/kustomize/patch-workload';

function approx(value: string | undefined, milli: boolean): number {
  if (value === undefined) return 0;
  const q = parseQuantity(value);
  return 'error' in q ? 0 : milli ? toMilliApprox(q) : toNumberApprox(q);
}

/**
 * `options`: the file's analysis options: its target, the workspace (a RuntimeClass's overhead counts here as in the
 * hover and `inspect`) and, for a Kustomize patch, what it is merged onto.
 */
export function startupPlanFor(doc: TextDocument, cache: DocumentCache, options: AnalysisOptions = {}): StartupPlanResult {
  const inForce = fileTarget(doc.getText(), options.target).target;
  // Workflow steps have no Pod of their own to plan (their controller builds it).
  const workloads: PreviewWorkload[] = workloadsOf(cache.model(doc)).filter(({ workload }) => !isContainerOnly(workload)).map(({ document, workload: own }) => {
    // A Kustomize patch holds only what it changes: the preview shows the object Kustomize builds from it (or the
    // patch itself when its base is not in the workspace).
    const { workload, merged } = effectiveWorkload(document, own, options) ?? { workload: own, merged: false };
    const plan = podPlan(workload.podSpec, workload.kind.isJob, options.workspace, inForce);
    const canonical = (r: typeof plan.resources.requests) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.canonical]));
    return {
      title: `${workload.kind.kind} ${workload.name ?? '(unnamed)'}${merged ? ' (after Kustomize)' : ''}${document.workloads.length > 1 ? ` (${workload.podSpec.path})` : ''}`,
      summary: plan.startup.summary,
      steps: plan.startup.startupOrder,
      shutdown: plan.startup.shutdownOrder,
      readyWhen: plan.startup.readyWhen,
      ...(plan.startup.onInitFailure ? { onInitFailure: plan.startup.onInitFailure } : {}),
      ...(plan.startup.jobNote ? { jobNote: plan.startup.jobNote } : {}),
      phases: plan.resources.phases.map((p) => ({ label: p.name, cpuMillis: approx(p.requests.cpu, true), memoryBytes: approx(p.requests.memory, false), requests: p.requests })),
      qos: plan.qos.qos,
      effectiveRequests: canonical(plan.resources.requests),
      effectiveLimits: canonical(plan.resources.limits),
    };
  });
  return { workloads };
}
