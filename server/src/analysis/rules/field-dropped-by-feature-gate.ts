/** field-dropped-by-feature-gate: a field whose feature gate is off in the target; the API server drops it silently. */
import { GATED_FIELDS } from '../k8s/gated-fields';
import { describeFeature, featureStage, isFeatureEnabled } from '../k8s/target';
import { DEFAULT_TARGET } from '../k8s/target';
import type { Rule } from './types';

export const fieldDroppedByFeatureGate: Rule = {
  id: 'field-dropped-by-feature-gate',
  defaultSeverity: 'warning',
  title: 'Field dropped: its feature gate is off',
  source:
    'pkg/api/pod/util.go dropDisabledFields and its drop… helpers: on create, a field of a disabled feature is set to nil before validation and storage, without an error or a warning; the stages from pkg/features/kube_features.go.',
  description:
    'A pod spec field of a feature that is off in the target Kubernetes version (`podLens.kubernetesVersion`, `podLens.featureGates`, `--kubernetes-version`, or the file\'s `# pod-lens: kubernetes-version=` line): `hostUsers` without UserNamespacesSupport, `resources` at pod level without PodLevelResources, `resizePolicy` without InPlacePodVerticalScaling, an image volume without ImageVolume, and the others of `dropDisabledFields`. The API server accepts the object but silently drops the field, so it has no effect. A field the release does not know at all is reported by field-unknown instead.',
  howToFix: 'Turn the feature gate on in the cluster (and in `podLens.featureGates`), target the release where it is on by default, or remove the field.',
  check({ document, options, report }) {
    const spec = document.workload?.podSpec;
    if (!spec) return;
    const target = options.target ?? DEFAULT_TARGET;
    for (const { gate, find } of GATED_FIELDS) {
      // Before the gate exists the release has no such field: field-unknown reports it.
      if (!featureStage(gate, target.minor) || isFeatureEnabled(target, gate)) continue;
      for (const { field, effect } of find(spec)) {
        report({
          message: `The API server silently drops this field because ${describeFeature(target, gate)} is off${effect ? `: ${effect}` : ''}.`,
          span: field.keySpan,
          path: field.path,
          data: { gate },
        });
      }
    }
  },
};
