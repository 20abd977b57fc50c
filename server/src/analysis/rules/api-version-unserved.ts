/** api-version-unserved: a kind at an apiVersion the API does not serve (removed beta versions, the wrong group). */
import { reportSchemaProblems } from './support/schema-problems';
import type { Rule } from './types';

export const apiVersionUnserved: Rule = {
  id: 'api-version-unserved',
  defaultSeverity: 'error',
  title: 'apiVersion not served',
  source:
    'kubectl REST mapping: `no matches for kind "Deployment" in version "extensions/v1beta1"`; the removals of the Kubernetes Deprecated API Migration Guide (APILifecycleRemoved of each type\'s zz_generated.prerelease-lifecycle.go, from extensions/v1beta1 workloads in 1.16 to flowcontrol.apiserver.k8s.io/v1beta3 in 1.32); the warning of apiserver\'s deprecation.WarningMessage: `batch/v1beta1 CronJob is deprecated in v1.21+, unavailable in v1.25+; use batch/v1 CronJob`.',
  description:
    'An object written with an apiVersion the target release (`podLens.kubernetesVersion`) does not serve: a removed version (`extensions/v1beta1` Deployment, `batch/v1beta1` CronJob, `autoscaling/v2beta2` HorizontalPodAutoscaler, `flowcontrol.apiserver.k8s.io/v1beta3` from 1.32) or the wrong group (`Pod` in `apps/v1`): kubectl cannot map it and sends nothing. An apiVersion that is deprecated but still served in the target (`flowcontrol.apiserver.k8s.io/v1beta3` in 1.29–1.31, v1 Endpoints from 1.33) is a warning with the API server\'s own text.',
  howToFix: 'Use the replacement apiVersion. The quick fix rewrites `apiVersion` where the replacement reads the same fields the same way; where the migration guide lists changes (Ingress backends, PodDisruptionBudget selectors, HorizontalPodAutoscaler v2beta1 metrics…) migrate the fields by hand.',
  check(context) {
    reportSchemaProblems(context, 'unserved', undefined, (m) => `${m}. kubectl refuses the object.`);
    reportSchemaProblems(context, 'deprecated-api', 'warning', (m) => `${m}. The API server accepts the object and returns this warning.`);
  },
};
