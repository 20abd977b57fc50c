/**
 * The files a CLI run reads: given files, folders searched for *.yaml / *.yml, or `-` for stdin. What cannot be read
 * (a FIFO, a device, a broken or looping link, an unreadable file) is set aside with the reason, and the run goes on.
 */
import { join, relative, resolve } from 'node:path';
import { DEFAULT_MAX_FILE_SIZE } from '../analysis/input-guard';
import { nodeFileSystem } from '../fs/node-file-system';
import { findYamlFiles, type SkippedEntry } from '../fs/walk';
import { UsageError } from './args';

export interface Input {
  /** As the user wrote it (joined with what a folder search found): what reports show. */
  path: string;
  /** Where it is read from and written to: `path` resolved against the command's working folder ('-' for stdin). */
  file: string;
  text: string;
}

export interface InputSet {
  inputs: Input[];
  unreadable: SkippedEntry[];
}

/**
 * The analysis skips texts over DEFAULT_MAX_FILE_SIZE characters with a note; a character is at most three UTF-8 bytes
 * (four for a pair of UTF-16 units), so every file that could be analysed is read and nothing larger is buffered.
 */
export const MAX_INPUT_BYTES = 3 * DEFAULT_MAX_FILE_SIZE;
/** Every text is held until the run ends (files index each other), so the run as a whole is bounded too. */
const MAX_TOTAL_INPUT_BYTES = 16 * MAX_INPUT_BYTES;

export interface ReadLimits {
  fileBytes: number;
  totalBytes: number;
}

export const DEFAULT_LIMITS: ReadLimits = { fileBytes: MAX_INPUT_BYTES, totalBytes: MAX_TOTAL_INPUT_BYTES };

/** `cwd` is the command's working folder: relative paths are read from there (the CLI can run inside a test). */
export async function readInputs(paths: string[], readStdin: () => string, cwd: string = process.cwd(), limits: ReadLimits = DEFAULT_LIMITS): Promise<InputSet> {
  const set: InputSet = { inputs: [], unreadable: [] };
  let total = 0;
  let stdinRead = false;
  for (const p of paths.length ? paths : ['.']) {
    if (p === '-') {
      // Standard input can be read once: `check - -` is one input, not the same text counted twice.
      if (!stdinRead) set.inputs.push({ path: '-', file: '-', text: readStdin() });
      stdinRead = true;
      continue;
    }
    const full = resolve(cwd, p);
    let isFolder: boolean;
    try {
      isFolder = (await nodeFileSystem.stat(full)).isDirectory();
    } catch (error) {
      // A mistyped path is a usage error; a path that exists but cannot be followed is reported with the others.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`no such file or folder: ${p}`);
      isFolder = false;
    }
    // Reports name files as the user would: under the path as written, not the resolved one.
    const asWritten = (f: string) => (f === full ? p : join(p, relative(full, f)));
    let files = [full];
    if (isFolder) {
      const found = await findYamlFiles(nodeFileSystem, full);
      // A folder with nothing to check is almost always a mistyped path: passing it silently would pass CI.
      if (found.files.length === 0 && found.skipped.length === 0) throw new UsageError(`no YAML files (*.yaml, *.yml) in ${p}`);
      set.unreadable.push(...found.skipped.map((s) => ({ ...s, path: asWritten(s.path) })));
      files = found.files;
    }
    for (const file of files) {
      const path = asWritten(file);
      const read = await nodeFileSystem.readFile(file, limits.fileBytes);
      if (!read.ok) set.unreadable.push({ path, reason: read.reason });
      else if (total + Buffer.byteLength(read.text) > limits.totalBytes) {
        set.unreadable.push({ path, reason: `not read: this run already holds ${total} bytes of manifests, and ${limits.totalBytes} is the most one run reads` });
      } else {
        // Counted as read, not as the size stat claims (files in /proc claim 0).
        total += Buffer.byteLength(read.text);
        set.inputs.push({ path, file, text: read.text });
      }
    }
  }
  return set;
}
