/** Generates server/src/analysis/schema/catalog.json from the Kubernetes models installed as devDependencies (one package per minor). */
// Usage: node --import tsx scripts/gen-catalog.ts [--check]
// Sources (read as data, never imported):
//  - @kubernetes/client-node (Apache-2.0), one release per Kubernetes minor: field names, JSON types and formats
//    (attributeTypeMap), required fields (non-optional in the .d.ts) and descriptions. It tells which minor has which field.
//  - kubernetes-models (MIT), for the minors it covers: enum values, quantities and int-or-string (which client-node
//    flattens to strings), and multi-paragraph descriptions.
//  - scripts/gen-catalog/list-semantics.json (Apache-2.0, The Kubernetes Authors): list types, list map keys, patch
//    merge keys and strategies, transcribed from the Kubernetes types.go files it names by repository and commit.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalog, type ClientModelSource, type EnumSource } from './gen-catalog/build';
import { readClientNode } from './gen-catalog/client-node';
import { readKubernetesModels } from './gen-catalog/kubernetes-models';
import type { ListSemanticsFile } from './gen-catalog/list-semantics';

const ROOT = join(__dirname, '..');
export const CATALOG_FILE = join(ROOT, 'server', 'src', 'analysis', 'schema', 'catalog.json');
export const LIST_SEMANTICS_FILE = join(ROOT, 'scripts', 'gen-catalog', 'list-semantics.json');

/** devDependency alias → the Kubernetes minor it was generated from (checked against the header each file carries). */
export const CLIENT_NODE: Array<{ alias: string; minor: string }> = [
  { alias: 'k8s-client-node-1-28', minor: '1.28' },
  { alias: 'k8s-client-node-1-29', minor: '1.29' },
  { alias: 'k8s-client-node-1-30', minor: '1.30' },
  { alias: 'k8s-client-node-1-32', minor: '1.32' },
  { alias: 'k8s-client-node-1-33', minor: '1.33' },
  { alias: 'k8s-client-node-1-34', minor: '1.34' },
  { alias: 'k8s-client-node-1-36', minor: '1.36' },
];
export const KUBERNETES_MODELS: Array<{ alias: string; minor: string }> = [
  { alias: 'k8s-models-1-33', minor: '1.33' },
  { alias: 'k8s-models-1-36', minor: '1.36' },
];

function packageDir(alias: string): string {
  return join(ROOT, 'node_modules', alias);
}

function versionOf(dir: string): string {
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** True when every source package is installed (the generator test skips otherwise). */
export function sourcesInstalled(): boolean {
  return [...CLIENT_NODE, ...KUBERNETES_MODELS].every((s) => existsSync(join(packageDir(s.alias), 'package.json')));
}

/** The catalog as the generator produces it now, serialised as it is committed. */
export function generateCatalogText(): string {
  const clients: ClientModelSource[] = CLIENT_NODE.map(({ alias, minor }) => {
    const dir = packageDir(alias);
    return { minor, package: '@kubernetes/client-node', version: versionOf(dir), models: readClientNode(dir, minor) };
  });
  const enums: EnumSource[] = KUBERNETES_MODELS.map(({ alias, minor }) => {
    const dir = packageDir(alias);
    return { minor, package: 'kubernetes-models', version: versionOf(dir), models: readKubernetesModels(dir) };
  });
  const lists = JSON.parse(readFileSync(LIST_SEMANTICS_FILE, 'utf8')) as ListSemanticsFile;
  return `${JSON.stringify(buildCatalog(clients, enums, lists))}\n`;
}

function main(): void {
  if (!sourcesInstalled()) throw new Error('The catalog sources are not installed: run npm install (devDependencies).');
  const text = generateCatalogText();
  if (process.argv.includes('--check')) {
    const same = existsSync(CATALOG_FILE) && readFileSync(CATALOG_FILE, 'utf8') === text;
    console.log(same ? 'catalog.json is up to date' : 'catalog.json differs from the generator output');
    process.exitCode = same ? 0 : 1;
    return;
  }
  writeFileSync(CATALOG_FILE, text);
  console.log(`wrote ${CATALOG_FILE} (${text.length} characters)`);
}

// Imported by the generator test for generateCatalogText(); run as a script otherwise.
if (process.argv[1] && /gen-catalog\.ts$/.test(process.argv[1])) main();

