/** label-selector-null: a topology spread constraint or pod (anti-)affinity term without labelSelector matches no pod. */
import type { PodAffinityTerm, TopologySpreadConstraint } from '../model/api/types';
import { fieldPath } from '../model/node-view';
import type { Span } from '../model/span';
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
    const warn = (term: TopologySpreadConstraint | PodAffinityTerm, anchor: Span) => {
      // Absent or written null (`labelSelector:`): a nil selector. A mapping, even empty, is a selector.
      const selector = term.$entry('labelSelector');
      if (selector && selector.value !== null) return;
      report({ message: `A null labelSelector results in matching no pod`, span: anchor, path: fieldPath(term.$path, 'labelSelector') });
    };
    for (const constraint of spec.fields.topologySpreadConstraints) warn(constraint, constraint.$span);
    const affinity = spec.fields.affinity;
    for (const a of [affinity?.podAffinity, affinity?.podAntiAffinity]) {
      for (const term of a?.requiredDuringSchedulingIgnoredDuringExecution ?? []) warn(term, term.$span);
      for (const weighted of a?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
        const term = weighted.podAffinityTerm;
        if (term) warn(term, weighted.$entry('podAffinityTerm')!.keySpan);
      }
    }
  },
};
