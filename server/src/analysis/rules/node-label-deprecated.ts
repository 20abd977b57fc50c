/** node-label-deprecated: deprecated node labels in nodeSelector, node affinity and topology spread (warnings.go). */
import type { NodeSelectorTerm, Scalar } from '../model/api/types';
import type { Rule } from './types';

/** pkg/api/node/util.go: the deprecated node labels and their messages. */
const DEPRECATED_NODE_LABELS: Record<string, string> = {
  'beta.kubernetes.io/arch': 'deprecated since v1.14; use "kubernetes.io/arch" instead',
  'beta.kubernetes.io/os': 'deprecated since v1.14; use "kubernetes.io/os" instead',
  'failure-domain.beta.kubernetes.io/region': 'deprecated since v1.17; use "topology.kubernetes.io/region" instead',
  'failure-domain.beta.kubernetes.io/zone': 'deprecated since v1.17; use "topology.kubernetes.io/zone" instead',
  'beta.kubernetes.io/instance-type': 'deprecated since v1.17; use "node.kubernetes.io/instance-type" instead',
};

/** The keys of a node selector term's matchExpressions (GetWarningsForNodeSelectorTerm reads no other). */
function matchExpressionKeys(term: NodeSelectorTerm | undefined): Array<Scalar<string> | undefined> {
  return (term?.matchExpressions ?? []).map((e) => e.key);
}

export const nodeLabelDeprecated: Rule = {
  id: 'node-label-deprecated',
  defaultSeverity: 'warning',
  title: 'Deprecated node label',
  source: 'pkg/api/pod/warnings.go with pkg/api/node/util.go: `spec.nodeSelector[beta.kubernetes.io/arch]: deprecated since v1.14; use "kubernetes.io/arch" instead`, the same for affinity matchExpressions keys and topologySpreadConstraints topologyKey.',
  description: 'A node label that Kubernetes replaced (`beta.kubernetes.io/arch`, `beta.kubernetes.io/os`, `failure-domain.beta.kubernetes.io/region` and `/zone`, `beta.kubernetes.io/instance-type`). The API server warns; nodes may stop carrying the old label, and then the Pod matches no node.',
  howToFix: 'Use the label named in the message, e.g. `kubernetes.io/arch`.',
  consequence: 'The API server warns; nodes may stop carrying the old label, and then the Pod matches no node.',
  check({ document, report }) {
    const spec = document.workload?.podSpec;
    if (!spec) return;
    for (const [key, field] of spec.fields.nodeSelector) {
      const msg = DEPRECATED_NODE_LABELS[key];
      if (msg) report({ message: `Node label ${key} is ${msg}`, span: field.keySpan, path: field.path, tags: ['deprecated'] });
    }
    const node = spec.fields.affinity?.nodeAffinity;
    const keys = [
      ...(node?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []).flatMap(matchExpressionKeys),
      ...(node?.preferredDuringSchedulingIgnoredDuringExecution ?? []).flatMap((p) => matchExpressionKeys(p.preference)),
      ...spec.fields.topologySpreadConstraints.map((t) => t.topologyKey),
    ];
    for (const k of keys) {
      if (k?.value === undefined) continue;
      const msg = DEPRECATED_NODE_LABELS[k.value];
      if (msg) report({ message: `Node label ${k.value} is ${msg}`, span: k.span, path: k.path, tags: ['deprecated'] });
    }
  },
};
