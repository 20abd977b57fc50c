/** api-version-unserved: a kind at an apiVersion the API does not serve (removed beta versions, the wrong group). */
import { reportSchemaProblems } from './support/schema-problems';
import type { Rule } from './types';

export const apiVersionUnserved: Rule = {
  id: 'api-version-unserved',
  defaultSeverity: 'error',
  title: 'apiVersion not served',
  source:
    'kubectl REST mapping: `no matches for kind "Deployment" in version "extensions/v1beta1"`; removals from the Kubernetes deprecated API migration guide (extensions/v1beta1 and apps/v1beta1/v1beta2 workloads in 1.16, batch/v1beta1 CronJob and node.k8s.io/v1beta1 RuntimeClass in 1.25).',
  description: 'A kind Pod Lens knows, written with an apiVersion the API server does not serve: a removed beta version (`extensions/v1beta1` Deployment, `batch/v1beta1` CronJob) or the wrong group (`Pod` in `apps/v1`). kubectl cannot map it and sends nothing.',
  howToFix: 'Use the served apiVersion (the quick fix writes it). The schema of the removed versions carries over for these kinds; check `spec.selector`, required in apps/v1.',
  consequence: 'kubectl refuses the object.',
  check(context) {
    reportSchemaProblems(context, 'unserved');
  },
};
