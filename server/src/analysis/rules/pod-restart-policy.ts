/** pod-restart-policy: Always, OnFailure or Never; Jobs only OnFailure or Never; Deployments and the like only Always. */
import { quoteOf } from '../model/node-view';
import type { Rule } from './types';
import { quote } from './support/quote';

const POD = ['Always', 'OnFailure', 'Never'];
/** pkg/apis/batch/validation: a Job's template must not restart Always; apps/validation: controllers need Always. */
const BY_KIND: Record<string, string[]> = { Job: ['OnFailure', 'Never'], CronJob: ['OnFailure', 'Never'], Deployment: ['Always'], ReplicaSet: ['Always'], StatefulSet: ['Always'], DaemonSet: ['Always'], ReplicationController: ['Always'] };

export const podRestartPolicy: Rule = {
  id: 'pod-restart-policy',
  defaultSeverity: 'error',
  title: 'Unsupported Pod restartPolicy',
  source:
    'validation.go validateRestartPolicy: `Unsupported value: supported values: "Always", "OnFailure", "Never"`; batch validation: Job templates `supported values: "OnFailure", "Never"`; apps validation: Deployment, ReplicaSet, StatefulSet, DaemonSet templates `supported values: "Always"`.',
  description:
    'The Pod\'s `restartPolicy` must be `Always`, `OnFailure` or `Never` (case-sensitive). Controllers narrow it: a Job or CronJob template must use `OnFailure` or `Never` (a Job ends), while Deployments, ReplicaSets, StatefulSets, DaemonSets and ReplicationControllers require `Always`.',
  howToFix: 'Use a value the kind allows; for Jobs, `OnFailure` retries in place and `Never` makes a new Pod per failure.',
  consequence: 'The API server rejects the object.',
  check({ document, report }) {
    const w = document.workload;
    const field = w?.podSpec.fields.restartPolicy;
    // An empty or null policy is defaulted to Always before validation.
    if (!w || !field || field.written === '' || field.written === null) return;
    // A custom resource is matched by its own group, never by a built-in kind's name (OpenKruise has a StatefulSet too):
    // a Job-like one (KEDA's ScaledJob makes Jobs) gets a Job's rule, the others the Pod's.
    const allowed = w.kind.custom ? (w.kind.isJob ? BY_KIND.Job! : POD) : (BY_KIND[w.kind.kind] ?? POD);
    const value = field.value;
    if (value !== undefined && allowed.includes(value)) return;
    const list = allowed.map((v) => quote(v)).join(', ');
    const path = field.path;
    const nearest = value !== undefined ? allowed.find((v) => v.toLowerCase() === value.toLowerCase()) : undefined;
    const mark = quoteOf(field.node);
    report({
      message: `Unsupported value: ${quote(field.written)}: supported values: ${list}${allowed !== POD ? ` (for a ${w.kind.kind})` : ''}`,
      span: field.span,
      path,
      fixes: (nearest ? [nearest] : allowed).map((v) => ({ title: `Change to ${v}`, kind: 'quickfix' as const, isPreferred: v === nearest, edits: [{ span: field.span, newText: `${mark}${v}${mark}` }] })),
    });
  },
};
