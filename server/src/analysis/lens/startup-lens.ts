/** The startup-order lens above `initContainers:` (or `containers:` when there are none) of each pod spec. */
import { startupPlan } from '../k8s/startup-plan';
import { startupInput } from '../inputs/pod-inputs';
import { workloadsOf } from '../model/manifest';
import type { LensProvider } from './index';
import type { AnalysisOptions } from '../options';

export const PREVIEW_COMMAND = 'podLens.showStartupPreview';

/** Services an init container waits for (`until nslookup myservice…`, the docs' pattern), found in the workspace or not. */
function serviceWaits(spec: import('../model/pod-spec').PodSpecView, namespace: string | undefined, options: AnalysisOptions): string[] {
  const ws = options.workspace;
  if (!ws || !ws.hasKind('Service')) return [];
  const notes: string[] = [];
  for (const c of spec.initContainers) {
    const text = [...(c.view.seq('command')?.items() ?? []), ...(c.view.seq('args')?.items() ?? [])].map((i) => (typeof i.value === 'string' ? i.value : '')).join(' ');
    for (const m of text.matchAll(/nslookup\s+([a-z0-9-]+)/g)) {
      const found = ws.find('Service', m[1]!, namespace).length > 0;
      notes.push(`${c.name ?? 'init'} waits for Service ${m[1]}${found ? '' : ' (not in workspace)'}`);
    }
  }
  return notes;
}

export const startupLens: LensProvider = (model, options) =>
  workloadsOf(model).flatMap(({ document, workload }) => {
    const spec = workload.podSpec;
    if (spec.all.length === 0) return [];
    const anchor = spec.view.get(spec.initContainers.length > 0 ? 'initContainers' : 'containers');
    if (!anchor) return [];
    const plan = startupPlan(startupInput(spec, workload.kind.isJob));
    return [
      {
        span: { start: anchor.keySpan.start + document.offset, end: anchor.keySpan.end + document.offset },
        title: `Startup: ${plan.summary}${(() => {
          const waits = serviceWaits(spec, workload.namespace, options);
          return waits.length ? ` · ${waits.join('; ')}` : '';
        })()}`,
        command: { id: PREVIEW_COMMAND, arguments: [] },
      },
    ];
  });
