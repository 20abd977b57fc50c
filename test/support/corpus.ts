/** The vendored real-manifest corpus (test/corpus, see its README) and its YAML files, found independently of Pod Lens's own walker. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS = join(__dirname, '..', 'corpus');

/** Every `*.yaml` / `*.yml` under a folder, sorted, depth first. */
export function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? yamlFiles(full) : /\.ya?ml$/i.test(name) ? [full] : [];
    });
}
