/** `pod-lens inspect`: each pod spec as Kubernetes will see it, as JSON or text. */
import { guardInput } from '../analysis/input-guard';
import { inspectModel, type InspectedWorkload } from '../analysis/inspect';
import { parseManifests, type ParseOptions } from '../analysis/model/manifest';
import { inspectSchema, type InspectedDocument } from '../analysis/schema/inspect-schema';
import type { Input } from './inputs';
import { WorkspaceIndex } from '../workspace/index';
import { isGoTemplate } from '../analysis/model/manifest';
import { fileTarget } from '../analysis/k8s/file-target';
import { DEFAULT_TARGET, type KubernetesTarget } from '../analysis/k8s/target';

/** The target a file was inspected against, and whether the file pinned it (`# pod-lens: kubernetes-version=…`). */
export interface InspectedTarget {
  version: string;
  featureGates: Record<string, boolean>;
  source: 'file' | 'settings';
}

export interface InspectReport {
  files: Array<{ path: string; kubernetes: InspectedTarget; workloads: InspectedWorkload[]; documents: InspectedDocument[] }>;
}

/** `defaultNamespace`: `--namespace`, where objects without a namespace go (a service account's pull secrets are read there). */
export function inspectInputs(inputs: Input[], target: KubernetesTarget = DEFAULT_TARGET, parse: ParseOptions = {}, defaultNamespace = ''): InspectReport {
  const index = new WorkspaceIndex(defaultNamespace);
  for (const input of inputs) if (!guardInput(input.text) && !isGoTemplate(input.text)) index.update(input.path, input.text);
  return {
    files: inputs.map((input) => {
      const model = guardInput(input.text) ? undefined : parseManifests(input.text, undefined, parse);
      const inForce = fileTarget(input.text, target);
      const kubernetes = { version: inForce.target.minor, featureGates: { ...inForce.target.featureGates }, source: inForce.source };
      return {
        path: input.path,
        kubernetes,
        workloads: model ? inspectModel(model, index, inForce.target) : [],
        documents: model ? inspectSchema(model, inForce.target) : [],
      };
    }),
  };
}

export function formatInspect(report: InspectReport, format: 'json' | 'text'): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  const lines: string[] = [];
  for (const file of report.files) {
    const gates = Object.entries(file.kubernetes.featureGates).map(([k, v]) => `, ${k}=${v}`).join('');
    lines.push(`${file.path}: Kubernetes ${file.kubernetes.version}${gates}${file.kubernetes.source === 'file' ? ' (pinned by the file)' : ''}`);
    for (const d of file.documents) {
      const what = `${d.apiVersion ?? '?'} ${d.kind ?? '?'} ${d.name ?? '(unnamed)'}`;
      lines.push(`${file.path} #${d.document}: ${what}: ${d.schemaErrors} schema error${d.schemaErrors === 1 ? '' : 's'} (catalog ${d.catalog})`);
    }
    for (const w of file.workloads) {
      lines.push(`${file.path} #${w.document}: ${w.kind} ${w.namespace ? `${w.namespace}/` : ''}${w.name ?? '(unnamed)'} at ${w.podSpecPath}`);
      for (const key of ['qos', 'startupSummary'] as const) if (typeof w[key] === 'string') lines.push(`  ${key}: ${w[key]}`);
      const eff = w.effectiveResources as { requests?: Record<string, string>; limits?: Record<string, string> } | undefined;
      if (eff) {
        const fmt = (r: Record<string, string> | undefined) => Object.entries(r ?? {}).map(([k, v]) => `${k}=${v}`).join(' ') || '-';
        lines.push(`  requests: ${fmt(eff.requests)}  limits: ${fmt(eff.limits)}`);
      }
      for (const c of w.containers) {
        const image = c.image as { raw?: unknown; fullName?: string | null } | undefined;
        const policy = c.imagePullPolicy as { value?: string; defaulted?: boolean; valid?: boolean } | undefined;
        const parts = [`  - ${c.type} ${c.name ?? '(unnamed)'}`];
        if (image) parts.push(image.raw === null || image.raw === undefined ? '(no image)' : `image ${String(image.raw)}${image.fullName ? ` (${image.fullName})` : ''}`);
        if (policy?.value) parts.push(`pull ${policy.value}${policy.defaulted ? ' (defaulted)' : ''}${policy.valid === false ? ' (invalid: the API server rejects it; use Always, IfNotPresent or Never)' : ''}`);
        lines.push(parts.join('  '));
      }
      const volumes = (w.imageVolumes ?? []) as Array<{ name: string | null; image: { raw?: unknown; fullName?: string | null }; pullPolicy: { value?: string; defaulted?: boolean } }>;
      for (const v of volumes) {
        const raw = v.image.raw === null || v.image.raw === undefined ? '(no reference)' : `image ${String(v.image.raw)}${v.image.fullName ? ` (${v.image.fullName})` : ''}`;
        lines.push(`  - image volume ${v.name ?? '(unnamed)'}  ${raw}  pull ${v.pullPolicy.value}${v.pullPolicy.defaulted ? ' (defaulted)' : ''}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
