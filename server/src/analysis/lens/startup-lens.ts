/**
 * The startup-order lens of each pod spec that has init containers or sidecars (or of every pod spec under
 * `podLens.startupLens: always`), above its object's first line: a top-level line, which VS Code's sticky scroll
 * (on by default) never covers with an enclosing key.
 */
import { startupPlan } from '../k8s/startup-plan';
import { startupInput } from '../inputs/pod-inputs';
import { isContainerOnly } from '../model/custom-workloads';
import { workloadsOf } from '../model/manifest';
import { effectiveWorkload } from '../kustomize/patch-workload';
import type { LensProvider } from './index';
import type { AnalysisOptions } from '../options';

/** Services an init container waits for (`until nslookup myservice…`, the docs' pattern), found in the workspace or not. */
function serviceWaits(spec: import('../model/pod-spec').PodSpecView, namespace: string | undefined, options: AnalysisOptions): string[] {
  const ws = options.workspace;
  if (!ws || !ws.hasKind('Service')) return [];
  const notes: string[] = [];
  for (const c of spec.initContainers) {
    const text = [...c.fields.command, ...c.fields.args].map((i) => i.value ?? '').join(' ');
    for (const m of text.matchAll(/nslookup\s+([a-z0-9-]+)/g)) {
      const found = ws.find('Service', m[1]!, namespace).length > 0;
      notes.push(`${c.name ?? 'init'} waits for Service ${m[1]}${found ? '' : ' (not in workspace)'}`);
    }
  }
  return notes;
}

export const startupLens: LensProvider = (model, options) =>
  workloadsOf(model).flatMap(({ document, workload: own }) => {
    const mode = options.startupLens ?? 'auto';
    // A Kustomize patch holds only what it changes: its lens shows the order of the object Kustomize builds from it.
    const effective = effectiveWorkload(document, own, options);
    if (!effective) return [];
    const { workload, merged } = effective;
    const spec = workload.podSpec;
    if (mode === 'off' || spec.all.length === 0 || isContainerOnly(workload)) return [];
    // One app container and nothing before it starts alone: a lens would only repeat its name.
    if (mode === 'auto' && spec.initContainers.length === 0) return [];
    // The object's first key, whatever field it is.
    const anchor = document.root?.entries()[0]?.field;
    if (!anchor) return [];
    const plan = startupPlan(startupInput(spec, workload.kind.isJob, options.target));
    return [
      {
        span: { start: anchor.keySpan.start + document.offset, end: anchor.keySpan.end + document.offset },
        // Several pod specs share the object's first line (a RayCluster's groups): each lens names its own.
        title: `${merged ? 'Startup after Kustomize' : 'Startup'}${document.workloads.length > 1 ? ` (${spec.path})` : ''}: ${plan.summary}${(() => {
          const waits = serviceWaits(spec, workload.namespace, options);
          return waits.length ? ` · ${waits.join('; ')}` : '';
        })()}`,
        action: 'show-startup-preview',
      },
    ];
  });
