/** The files a CLI run reads: given files, folders searched for *.yaml / *.yml, or `-` for stdin. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './args';

export interface Input {
  path: string;
  text: string;
}

const SKIP_DIRS = new Set(['node_modules', '.git']);

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (SKIP_DIRS.has(name)) continue;
    const full = join(dir, name);
    const st = statSync(full);
    if (st.isDirectory()) out.push(...walk(full));
    else if (/\.ya?ml$/i.test(name)) out.push(full);
  }
  return out;
}

export function readInputs(paths: string[], readStdin: () => string): Input[] {
  const inputs: Input[] = [];
  for (const p of paths.length ? paths : ['.']) {
    if (p === '-') {
      inputs.push({ path: '-', text: readStdin() });
      continue;
    }
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new UsageError(`no such file or folder: ${p}`);
    }
    const files = st.isDirectory() ? walk(p) : [p];
    for (const f of files) inputs.push({ path: f, text: readFileSync(f, 'utf8') });
  }
  return inputs;
}
