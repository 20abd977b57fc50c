/** The startup-order lens above `initContainers:` (or `containers:` when there are none) of each pod spec. */
import { startupPlan } from '../k8s/startup-plan';
import { startupInput } from '../inputs/pod-inputs';
import { workloadsOf } from '../model/manifest';
import type { LensProvider } from './index';

export const PREVIEW_COMMAND = 'podLens.showStartupPreview';

export const startupLens: LensProvider = (model) =>
  workloadsOf(model).flatMap(({ document, workload }) => {
    const spec = workload.podSpec;
    if (spec.all.length === 0) return [];
    const anchor = spec.view.get(spec.initContainers.length > 0 ? 'initContainers' : 'containers');
    if (!anchor) return [];
    const plan = startupPlan(startupInput(spec, workload.kind.isJob));
    return [
      {
        span: { start: anchor.keySpan.start + document.offset, end: anchor.keySpan.end + document.offset },
        title: `Startup: ${plan.summary}`,
        command: { id: PREVIEW_COMMAND, arguments: [] },
      },
    ];
  });
