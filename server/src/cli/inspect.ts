/** `pod-lens inspect`: each pod spec as Kubernetes will see it, as JSON or text. */
import { guardInput } from '../analysis/input-guard';
import { inspectModel, type InspectedWorkload } from '../analysis/inspect';
import { parseManifests } from '../analysis/model/manifest';
import { inspectSchema, type InspectedDocument } from '../analysis/schema/inspect-schema';
import type { Input } from './inputs';
import { WorkspaceIndex } from '../workspace/index';
import { isGoTemplate } from '../analysis/model/manifest';

export interface InspectReport {
  files: Array<{ path: string; workloads: InspectedWorkload[]; documents: InspectedDocument[] }>;
}

export function inspectInputs(inputs: Input[]): InspectReport {
  const index = new WorkspaceIndex();
  for (const input of inputs) if (!guardInput(input.text) && !isGoTemplate(input.text)) index.update(input.path, input.text);
  return {
    files: inputs.map((input) => {
      const model = guardInput(input.text) ? undefined : parseManifests(input.text);
      return { path: input.path, workloads: model ? inspectModel(model, index) : [], documents: model ? inspectSchema(model) : [] };
    }),
  };
}

export function formatInspect(report: InspectReport, format: 'json' | 'text'): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  const lines: string[] = [];
  for (const file of report.files) {
    for (const d of file.documents) {
      const what = `${d.apiVersion ?? '?'} ${d.kind ?? '?'} ${d.name ?? '(unnamed)'}`;
      lines.push(`${file.path} #${d.document}: ${what}: ${d.schemaErrors} schema error${d.schemaErrors === 1 ? '' : 's'} (catalog ${d.catalog})`);
    }
    for (const w of file.workloads) {
      lines.push(`${file.path} #${w.document}: ${w.kind} ${w.namespace ? `${w.namespace}/` : ''}${w.name ?? '(unnamed)'}`);
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
    }
  }
  return `${lines.join('\n')}\n`;
}
