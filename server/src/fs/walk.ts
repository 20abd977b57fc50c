/**
 * The one walker: finds the `*.yaml` / `*.yml` files under a folder, for the CLI and the workspace scan alike, through
 * the file-system port (the server's runtime decides what is walked). Symbolic links are followed once (folders by real
 * path, so `a -> .` ends), and what cannot be read is reported per entry, not thrown.
 */
import { join, relative, sep } from 'node:path';
import type { DirectoryEntry, EntryKind, FileSystem } from './file-system';
import type { ExcludeMatcher } from './glob';
import { describeError, notRegularFile } from './read-file';

export interface WalkOptions {
  exclude?: ExcludeMatcher;
  /** Helm chart templates (a `templates/` folder next to a Chart.yaml) are Go templates, not manifests. */
  skipHelmTemplates?: boolean;
  maxDepth?: number;
}

export interface SkippedEntry {
  path: string;
  reason: string;
}

export interface WalkResult {
  files: string[];
  skipped: SkippedEntry[];
}

/** Never manifests, often huge. */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn']);
const YAML_NAME = /\.ya?ml$/i;
/** Far deeper than any repository's manifests; it also bounds bind-mount loops, which real paths cannot see. */
const DEFAULT_MAX_DEPTH = 40;

/**
 * Whether the walk never visits a path (relative to the walked folder, `/`-separated) for what its folders are called:
 * the file watcher asks this too, so a change it reports is indexed only where a scan would have looked.
 */
export function isNeverWalked(relativePath: string): boolean {
  return relativePath.split('/').some((segment) => ALWAYS_SKIPPED.has(segment));
}

export function isYamlName(name: string): boolean {
  // kustomize also reads a kustomization from a file named just `Kustomization` (konfig's recognized names).
  return YAML_NAME.test(name) || name === 'Kustomization';
}

export async function findYamlFiles(fs: FileSystem, root: string, options: WalkOptions = {}): Promise<WalkResult> {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const files: string[] = [];
  const skipped: SkippedEntry[] = [];
  const seenFolders = new Set<string>();
  // Two links to one manifest would index its objects twice (and report "defined twice"): read each real file once.
  const seenFiles = new Set<string>();

  async function walk(dir: string, real: string, depth: number): Promise<void> {
    if (seenFolders.has(real)) return;
    seenFolders.add(real);
    if (depth > maxDepth) {
      skipped.push({ path: dir, reason: `not searched: it is more than ${maxDepth} folders deep` });
      return;
    }
    let entries: DirectoryEntry[];
    try {
      entries = await fs.list(dir);
    } catch (error) {
      skipped.push({ path: dir, reason: `cannot list this folder: ${describeError(error)}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const helm = options.skipHelmTemplates === true && entries.some((e) => e.name === 'Chart.yaml') && entries.some((e) => e.name === 'templates');
    for (const entry of entries) {
      const name = entry.name;
      if (ALWAYS_SKIPPED.has(name) || (helm && name === 'templates')) continue;
      const full = join(dir, name);
      if (options.exclude?.isExcluded(relative(root, full).split(sep).join('/'))) continue;
      const isYaml = isYamlName(name);
      let kind: EntryKind = entry;
      let target = join(real, name);
      // Links are followed; a file system that does not give types in listings (DT_UNKNOWN) is asked with stat.
      if (entry.isSymbolicLink() || !(entry.isFile() || entry.isDirectory() || entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice())) {
        try {
          kind = await fs.stat(full);
          if (entry.isSymbolicLink()) target = await fs.realPath(full);
        } catch (error) {
          // A broken link is only worth a word where a manifest was expected.
          const dangling = entry.isSymbolicLink() && (error as NodeJS.ErrnoException).code === 'ENOENT';
          if (isYaml) skipped.push({ path: full, reason: dangling ? 'it is a symbolic link to something that does not exist' : describeError(error) });
          continue;
        }
      }
      if (kind.isDirectory()) await walk(full, target, depth + 1);
      else if (!isYaml) continue;
      else if (!kind.isFile()) skipped.push({ path: full, reason: notRegularFile(kind) });
      else if (!seenFiles.has(target)) {
        seenFiles.add(target);
        files.push(full);
      }
    }
  }

  let rootReal: string;
  try {
    rootReal = await fs.realPath(root);
  } catch (error) {
    return { files, skipped: [{ path: root, reason: describeError(error) }] };
  }
  await walk(root, rootReal, 0);
  return { files, skipped };
}
