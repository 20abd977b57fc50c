/**
 * Scans workspace folders for YAML manifests without blocking the server: a batch of files, then a yield to the event
 * loop, so diagnostics of open files are never held up. Skips excluded paths, big files, Helm templates and anything
 * that is not a regular file (FIFOs, devices), and reports each entry it could not read.
 */
import { pathToFileURL } from 'node:url';
import type { FileSystem } from '../fs/file-system';
import type { ExcludeMatcher } from '../fs/glob';
import { findYamlFiles, type SkippedEntry } from '../fs/walk';
import type { WorkspaceIndex } from './index';
import { isGoTemplate } from '../analysis/model/manifest';

export interface ScanOptions {
  /** Compiled from files.exclude and podLens.exclude; matched against paths relative to the folder. */
  exclude?: ExcludeMatcher;
  maxFileSize: number;
  /** Called between batches; the default yields with setImmediate. */
  pause?: () => Promise<void>;
  isCancelled?: () => boolean;
}

export interface ScanResult {
  files: number;
  /** The manifests read (file: URIs): what `podLens.diagnostics.scope: workspace` publishes problems for. */
  manifests: string[];
  /** Entries not indexed, with the reason (too large, a template, not a regular file, unreadable). */
  skipped: SkippedEntry[];
}

const BATCH = 50;

export async function scanFolder(fs: FileSystem, folder: string, index: WorkspaceIndex, options: ScanOptions): Promise<ScanResult> {
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setImmediate(resolve)));
  const { files, skipped } = await findYamlFiles(fs, folder, { exclude: options.exclude, skipHelmTemplates: true });
  let done = 0;
  const manifests: string[] = [];
  for (let i = 0; i < files.length; i += BATCH) {
    if (options.isCancelled?.()) break;
    for (const file of files.slice(i, i + BATCH)) {
      const read = await fs.readFile(file, options.maxFileSize);
      if (!read.ok) skipped.push({ path: file, reason: read.reason });
      else if (isGoTemplate(read.text)) skipped.push({ path: file, reason: 'it is a template ({{ … }}), not a manifest' });
      else {
        const uri = pathToFileURL(file).toString();
        index.update(uri, read.text);
        manifests.push(uri);
        done++;
      }
    }
    await pause();
  }
  return { files: done, manifests, skipped };
}
