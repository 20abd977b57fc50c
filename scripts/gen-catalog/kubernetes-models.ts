/** Reads one kubernetes-models release's .d.ts files as data: per type and field, enum values, quantity / int-or-string, description. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface ModelsField {
  enum?: string[];
  isQuantity: boolean;
  isIntOrString: boolean;
  description: string;
}

/** Keyed by client-node's class name (`V1Container`), derived from the OpenAPI name (`IoK8sApiCoreV1Container`). */
export type ModelsIndex = Map<string, Map<string, ModelsField>>;

function dtsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    if (n === 'node_modules' || n === '_schemas') return [];
    const f = join(dir, n);
    return statSync(f).isDirectory() ? dtsFiles(f) : n.endsWith('.d.ts') ? [f] : [];
  });
}

function commentText(raw: string): string {
  return raw
    .split('\n')
    .map((l) => l.replace(/^\s*\*\s?/, ''))
    .join('\n')
    .trim();
}

/** `IoK8sApiCoreV1Container` → `V1Container`, as client-node names it. */
export function clientName(openApiName: string): string | undefined {
  return /(V\d+(?:alpha\d+|beta\d+)?[A-Z]\w*)$/.exec(openApiName.replace(/^IoK8s(?:Api|Apimachinery)\w*?(?=V\d)/, ''))?.[1];
}

function readFile(file: string, into: ModelsIndex): void {
  const text = readFileSync(file, 'utf8');
  const exported = /export type \{ I\w+ as II(\w+),/.exec(text)?.[1];
  const name = exported ? clientName(exported) : undefined;
  const block = /export interface I\w+[^{]*\{\n([\s\S]*?)\n\}/.exec(text)?.[1];
  if (!name || block === undefined || into.has(name)) return;
  const fields = new Map<string, ModelsField>();
  for (const m of block.matchAll(/(?:\/\*\*\n([\s\S]*?)\*\/\n)?\s*"([^"]+)"\??: ([^;]+);/g)) {
    const type = m[3]!;
    const literals = [...type.matchAll(/"([^"]*)"/g)].map((l) => l[1]!);
    const isEnum = literals.length > 0 && /^("[^"]*"(\s*\|\s*)?)+$/.test(type.trim());
    fields.set(m[2]!, {
      enum: isEnum ? literals : undefined,
      isQuantity: type.includes('ApiResourceQuantity'),
      isIntOrString: type.includes('IntstrIntOrString'),
      description: m[1] ? commentText(m[1]) : '',
    });
  }
  into.set(name, fields);
}

export function readKubernetesModels(dir: string): ModelsIndex {
  const index: ModelsIndex = new Map();
  for (const f of dtsFiles(dir)) readFile(f, index);
  // The meta types live in @kubernetes-models/apimachinery: the copy this release depends on.
  const nested = join(dir, 'node_modules', '@kubernetes-models', 'apimachinery');
  const apimachinery = existsSync(nested) ? nested : join(dir, '..', '@kubernetes-models', 'apimachinery');
  for (const f of dtsFiles(apimachinery)) readFile(f, index);
  return index;
}
