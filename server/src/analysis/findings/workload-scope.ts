/**
 * Which rules judge which pod specs of a document. A custom resource's pod template is a real pod spec, so every rule
 * applies except those its controller overrides (custom-resources.ts `skipRules`); workflow steps (Argo Workflows,
 * Tekton) are containers without a pod spec, so only the rules about one container's own fields apply: pod-level
 * checks (volumes, restart policy, pull secrets, container names, host ports…) belong to the controller that builds the Pod.
 */
import type { ManifestDocument, Workload } from '../model/manifest';

const CONTAINER_RULES: ReadonlySet<string> = new Set([
  'image-digest-invalid',
  'image-digest-stale',
  'image-not-pinned',
  'image-pull-policy-invalid',
  'image-pull-policy-never',
  'image-pull-policy-stale-latest',
  'image-reference-invalid',
  'image-tag-mutable',
  'env-duplicate',
  'env-name-invalid',
  'env-value-from-invalid',
  'port-invalid',
  'port-name',
  'port-duplicate',
  'probe-invalid',
  'probe-port-undeclared',
  'resource-quantity-invalid',
  'resource-fractional-bytes',
  'resource-request-exceeds-limit',
  'resources-missing',
  'mount-path-duplicate',
  'sub-path-invalid',
  // Env values, command and args are core types in these engines too: a YAML 1.1 `yes` there is still not a string.
  'value-not-string',
]);

/** Rules whose findings are the API's decoding and schema errors: a CRD's own schema reports those on the object itself. */
const SCHEMA_RULES = new Set(['field-unknown', 'field-type-invalid', 'field-value-unsupported', 'field-required', 'value-not-string', 'api-version-unserved']);

/**
 * Kubernetes' validation of a pod template does not run on a custom resource (its CRD schema does): the object is
 * accepted, and what its controller creates from the template (a ReplicaSet, a Job, Pods) is what the API server rejects.
 * Messages of rules that quote validation.go say so for findings inside such a template.
 */
export function inCustomResource(message: string, ruleId: string, workload: Workload | undefined, path: string | undefined): string {
  if (!workload?.kind.custom || SCHEMA_RULES.has(ruleId) || path === undefined || !path.startsWith(workload.podSpec.path)) return message;
  return message.replace(/([Tt])he API server rejects the object/g, (_m, t: string) => `${t}he API server accepts the ${workload.kind.kind}, but rejects what its controller creates from this template`);
}

function ruleAppliesTo(ruleId: string, workload: Workload): boolean {
  const custom = workload.kind.custom;
  if (!custom) return true;
  if (custom.skipRules?.includes(ruleId)) return false;
  return custom.shape !== 'containers' || CONTAINER_RULES.has(ruleId);
}

/**
 * The views of a document a rule is run on: one per pod spec it applies to (rules read `document.workload`), or the
 * document without pod specs when it applies to none, so its object-level checks still run.
 */
export function documentViewsFor(ruleId: string, document: ManifestDocument): ManifestDocument[] {
  const { workloads } = document;
  if (workloads.length === 0 || (workloads.length === 1 && !workloads[0]!.kind.custom)) return [document];
  const applicable = workloads.filter((w) => ruleAppliesTo(ruleId, w));
  if (applicable.length === 0) return [{ ...document, workload: undefined, workloads: [] }];
  return applicable.map((w) => (w === document.workload ? document : { ...document, workload: w }));
}
