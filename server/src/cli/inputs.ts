/**
 * The files a CLI run reads: given files, folders searched for *.yaml / *.yml, or `-` for stdin. What cannot be read
 * (a FIFO, a device, a broken or looping link, an unreadable file) is set aside with the reason, and the run goes on.
 */
import { stat } from 'node:fs/promises';
import { DEFAULT_MAX_FILE_SIZE } from '../analysis/input-guard';
import { readRegularFile } from '../fs/read-file';
import { findYamlFiles, type SkippedEntry } from '../fs/walk';
import { UsageError } from './args';

export interface Input {
  path: string;
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

export async function readInputs(paths: string[], readStdin: () => string): Promise<InputSet> {
  const set: InputSet = { inputs: [], unreadable: [] };
  for (const p of paths.length ? paths : ['.']) {
    if (p === '-') {
      set.inputs.push({ path: '-', text: readStdin() });
      continue;
    }
    let isFolder: boolean;
    try {
      isFolder = (await stat(p)).isDirectory();
    } catch (error) {
      // A mistyped path is a usage error; a path that exists but cannot be followed is reported with the others.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`no such file or folder: ${p}`);
      isFolder = false;
    }
    let files = [p];
    if (isFolder) {
      const found = await findYamlFiles(p);
      set.unreadable.push(...found.skipped);
      files = found.files;
    }
    for (const file of files) {
      const read = await readRegularFile(file, MAX_INPUT_BYTES);
      if (read.ok) set.inputs.push({ path: file, text: read.text });
      else set.unreadable.push({ path: file, reason: read.reason });
    }
  }
  return set;
}
