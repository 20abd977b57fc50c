/**
 * Scans workspace folders for YAML manifests without blocking the server: a batch of files, then a yield to the event
 * loop, so diagnostics of open files are never held up. Skips excluded paths, big files and Helm templates.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkspaceIndex } from './index';
import { isGoTemplate } from '../analysis/model/manifest';

export interface ScanOptions {
  /** Glob patterns (files.exclude and podLens.exclude), matched against paths relative to the folder. */
  exclude: string[];
  maxFileSize: number;
  /** Called between batches; the default yields with setImmediate. */
  pause?: () => Promise<void>;
  isCancelled?: () => boolean;
}

const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn']);
const BATCH = 50;

/** A small glob: `**`, `*`, `?` and `{a,b}`; enough for files.exclude-style patterns. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        re += '.*';
        i++;
        if (glob[i + 1] === '/') i++;
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '{') {
      const end = glob.indexOf('}', i);
      re += `(?:${glob.slice(i + 1, end).split(',').map((p) => p.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')).join('|')})`;
      i = end;
    } else re += ch.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^(?:${re})(?:/.*)?$`);
}

/** Helm chart templates (a `templates/` folder next to a Chart.yaml) are Go templates, not manifests. */
function isHelmTemplateDir(dir: string, entries: string[]): boolean {
  return entries.includes('Chart.yaml') && entries.includes('templates') && dir.length > 0;
}

export async function scanFolder(folder: string, index: WorkspaceIndex, options: ScanOptions): Promise<{ files: number; skipped: number }> {
  const patterns = options.exclude.map(globToRegExp);
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setImmediate(resolve)));
  const files: string[] = [];
  let skipped = 0;
  async function walk(dir: string): Promise<void> {
    let entries: string[];
    try {
      entries = await readdir(dir);
    } catch {
      return;
    }
    const helm = isHelmTemplateDir(dir, entries);
    for (const name of entries.sort()) {
      if (ALWAYS_SKIPPED.has(name) || (helm && name === 'templates')) continue;
      const full = join(dir, name);
      const rel = relative(folder, full).split(sep).join('/');
      if (patterns.some((p) => p.test(rel))) continue;
      let st;
      try {
        st = await stat(full);
      } catch {
        continue;
      }
      if (st.isDirectory()) await walk(full);
      else if (/\.ya?ml$/i.test(name)) {
        if (st.size > options.maxFileSize) skipped++;
        else files.push(full);
      }
    }
  }
  await walk(folder);
  let done = 0;
  for (let i = 0; i < files.length; i += BATCH) {
    if (options.isCancelled?.()) break;
    for (const file of files.slice(i, i + BATCH)) {
      try {
        const text = await readFile(file, 'utf8');
        if (isGoTemplate(text)) skipped++;
        else index.update(pathToFileURL(file).toString(), text);
        done++;
      } catch {
        skipped++;
      }
    }
    await pause();
  }
  return { files: done, skipped };
}
