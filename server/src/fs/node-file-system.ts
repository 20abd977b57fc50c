/** The real file-system port, over node:fs: the server's runtime and the CLI both read through it. */
import { readdir, realpath, stat } from 'node:fs/promises';
import type { FileSystem } from './file-system';
import { readRegularFile } from './read-file';

export const nodeFileSystem: FileSystem = {
  readFile: readRegularFile,
  list: (dir) => readdir(dir, { withFileTypes: true }),
  stat: (path) => stat(path),
  realPath: (path) => realpath(path),
};
