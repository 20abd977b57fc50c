/** The files a CLI run reads: given files, folders searched for *.yaml / *.yml, or `-` for stdin. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from './args';

export interface Input {
  /** As the user wrote it (joined with what a folder search found): what reports show. */
  path: string;
  /** Where it is read from and written to: `path` resolved against the command's working folder ('-' for stdin). */
  file: string;
  text: string;
}

const SKIP_DIRS = new Set(['node_modules', '.git']);

function walk(dir: string, cwd: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(resolve(cwd, dir)).sort()) {
    if (SKIP_DIRS.has(name)) continue;
    const full = join(dir, name);
    const st = statSync(resolve(cwd, full));
    if (st.isDirectory()) out.push(...walk(full, cwd));
    else if (/\.ya?ml$/i.test(name)) out.push(full);
  }
  return out;
}

/** `cwd` is the command's working folder: relative paths are read from there (the CLI can run inside a test). */
export function readInputs(paths: string[], readStdin: () => string, cwd: string = process.cwd()): Input[] {
  const inputs: Input[] = [];
  for (const p of paths.length ? paths : ['.']) {
    if (p === '-') {
      inputs.push({ path: '-', file: '-', text: readStdin() });
      continue;
    }
    let st;
    try {
      st = statSync(resolve(cwd, p));
    } catch {
      throw new UsageError(`no such file or folder: ${p}`);
    }
    const files = st.isDirectory() ? walk(p, cwd) : [p];
    for (const f of files) inputs.push({ path: f, file: resolve(cwd, f), text: readFileSync(resolve(cwd, f), 'utf8') });
  }
  return inputs;
}
