/**
 * `podLens.podTemplates` (and the CLI's `--pod-templates` file): user-declared custom resources whose paths lead to pod
 * templates (PodTemplateSpec: `metadata` + `spec`). Read defensively: a bad entry is skipped with a reason, never a crash,
 * and a hostile value (a huge array, a giant path) is cut at fixed bounds.
 */
import type { CustomPodTemplates } from './custom-resources';
import { parseTemplatePath } from './template-paths';
import { apiGroup } from './workload-kinds';

const MAX_DECLARED_KINDS = 100;
const MAX_PATHS_PER_KIND = 16;
const MAX_KIND_LENGTH = 253;

export interface DeclaredPodTemplates {
  entries: CustomPodTemplates[];
  /** Why entries (or paths) were skipped, one line each, to log. */
  problems: string[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function readPodTemplates(raw: unknown): DeclaredPodTemplates {
  const entries: CustomPodTemplates[] = [];
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { entries, problems };
  if (!Array.isArray(raw)) return { entries, problems: ['podLens.podTemplates must be a list of {apiVersion, kind, paths}'] };
  if (raw.length > MAX_DECLARED_KINDS) problems.push(`podLens.podTemplates: only the first ${MAX_DECLARED_KINDS} of ${raw.length} entries are read`);
  raw.slice(0, MAX_DECLARED_KINDS).forEach((item, i) => {
    const at = `podLens.podTemplates[${i}]`;
    const skip = (field: string, why: string): void => void problems.push(`${at}${field}: skipped: ${why}`);
    if (!isRecord(item)) return skip('', 'must be an object {apiVersion, kind, paths}');
    const { apiVersion, kind, paths } = item;
    if (typeof apiVersion !== 'string' || apiVersion.length > MAX_KIND_LENGTH || !/^[a-z0-9.-]+\/[A-Za-z0-9]+$/.test(apiVersion))
      return skip('.apiVersion', 'must be the group/version of a custom resource, e.g. "example.com/v1"');
    if (typeof kind !== 'string' || kind.length > MAX_KIND_LENGTH || !/^[A-Za-z][A-Za-z0-9]*$/.test(kind)) return skip('.kind', 'must be a kind name, e.g. "Widget"');
    if (!Array.isArray(paths) || paths.length === 0) return skip('.paths', 'must be a non-empty list of paths such as "spec.template"');
    if (paths.length > MAX_PATHS_PER_KIND) problems.push(`${at}.paths: only the first ${MAX_PATHS_PER_KIND} of ${paths.length} paths are read`);
    const good: string[] = [];
    paths.slice(0, MAX_PATHS_PER_KIND).forEach((p, j) => {
      const parsed = parseTemplatePath(p);
      if (parsed.ok) good.push(p as string);
      else skip(`.paths[${j}]`, parsed.reason);
    });
    if (good.length === 0) return;
    entries.push({ group: apiGroup(apiVersion), kinds: [kind], paths: good, shape: 'template', hasPodSchema: true, source: 'podLens.podTemplates' });
  });
  return { entries, problems };
}
