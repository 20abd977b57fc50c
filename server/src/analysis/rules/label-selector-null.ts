/** label-selector-null: a topology spread constraint or pod (anti-)affinity term without labelSelector matches no pod. */
import type { MapView } from '../model/node-view';
import type { Rule } from './types';

export const labelSelectorNull: Rule = {
  id: 'label-selector-null',
  defaultSeverity: 'warning',
  judgesAbsence: true,
  title: 'Missing labelSelector matches no pod',
  source: 'pkg/api/pod/warnings.go: `spec.topologySpreadConstraints[0].labelSelector: a null labelSelector results in matching no pod`, and the same for podAffinity / podAntiAffinity terms.',
  description: 'A topology spread constraint, or a pod affinity or anti-affinity term, without `labelSelector`. A null selector matches no pod, so the constraint or term has no effect. The API server warns.',
  howToFix: 'Add a `labelSelector` (usually the Pod\'s own labels: `matchLabels: {app: …}`).',
  consequence: 'The API server warns; the constraint or term has no effect.',
  check({ document, report }) {
    const spec = document.workload?.podSpec;
    if (!spec) return;
    const warn = (term: MapView | undefined, path: string, anchor: { start: number; end: number }) => {
      if (!term || (term.has('labelSelector') && term.get('labelSelector')?.value !== null)) return;
      report({ message: `A null labelSelector results in matching no pod`, span: anchor, path: `${path}.labelSelector` });
    };
    for (const { view } of spec.view.seq('topologySpreadConstraints')?.maps() ?? []) warn(view, view.path, view.span);
    const affinity = spec.view.map('affinity');
    for (const kind of ['podAffinity', 'podAntiAffinity']) {
      const a = affinity?.map(kind);
      for (const { view } of a?.seq('requiredDuringSchedulingIgnoredDuringExecution')?.maps() ?? []) warn(view, view.path, view.span);
      for (const { view } of a?.seq('preferredDuringSchedulingIgnoredDuringExecution')?.maps() ?? []) {
        const term = view.map('podAffinityTerm');
        if (term) warn(term, term.path, view.get('podAffinityTerm')!.keySpan);
      }
    }
  },
};
