/** Pathological inputs (issue 17): files that once stalled or killed the server, generated for the bench and tests. */
import { deployment } from './generate';

const POD_HEAD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: hostile\nspec:\n  containers:\n';

/** 2,000 containers sharing containerPort 80 (about 230 KB): once 1,999,000 port-duplicate findings. */
export function duplicatePorts(count = 2000): string {
  const containers = Array.from({ length: count }, (_, i) => `    - name: c${i}\n      image: nginx:1.27\n      ports:\n        - containerPort: 80\n`);
  return POD_HEAD + containers.join('');
}

/** One container and 1,999 aliases of it (about 14 KB): the same findings, multiplied by aliasing. */
export function aliases(count = 2000): string {
  return `${POD_HEAD}    - &c {name: a, image: nginx:1.27, ports: [{containerPort: 80}]}\n${'    - *c\n'.repeat(count - 1)}`;
}

/** A 1 MB image string reused by 1,000 containers through an alias: once 1,000 messages of 1 MB each. */
export function longImages(bytes = 1_000_000, count = 1000): string {
  const first = `    - name: c0\n      image: &img "${'a'.repeat(bytes)}"\n`;
  const rest = Array.from({ length: count - 1 }, (_, i) => `    - name: c${i + 1}\n      image: *img\n`);
  return POD_HEAD + first + rest.join('');
}

/** A 4.8 MB flow list of 2.4 M items on one line (just under the default 5 MiB limit). */
export function flowList(items = 2_400_000): string {
  return `[${'1,'.repeat(items - 1)}1]\n`;
}

/** 1 M `---` lines: a million empty documents. */
export function documentMarkers(count = 1_000_000): string {
  return '---\n'.repeat(count);
}

/** About 20 MB of real Deployments: over podLens.maxFileSize, so nothing may parse it. */
export function overSizeLimit(bytes = 20_000_000): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const d = deployment(i);
    parts.push(d);
    size += d.length;
  }
  return parts.join('');
}

export const PATHOLOGICAL: Record<string, () => string> = {
  'duplicate-ports-2000': () => duplicatePorts(),
  'aliases-2000': () => aliases(),
  'image-1mb-x1000': () => longImages(),
  'flow-list-4.8mb': () => flowList(),
  'markers-1m': () => documentMarkers(),
  'over-limit-20mb': () => overSizeLimit(),
};
