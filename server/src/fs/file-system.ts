/**
 * The file-system port: the few operations the workspace scan, the file watcher, go-to-definition and the CLI need.
 * `node-file-system.ts` is the real one; tests hand the server an in-memory one (test/support/memory-file-system.ts).
 * Paths are the host's absolute paths. Failures of `list`, `stat` and `realPath` are thrown as node:fs throws them
 * (an Error with a `code` such as ENOENT), so the walker and `describeError` read them one way.
 */

/** A file's text, or in words why it was not read. */
export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

/** What a path is; Node's Stats and Dirent both have this shape. */
export interface EntryKind {
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}

export interface DirectoryEntry extends EntryKind {
  name: string;
}

export interface FileSystem {
  /**
   * The text of `path` (links followed) when it is a regular file of at most `maxBytes` bytes; otherwise why not.
   * Never throws, never blocks on a FIFO and never reads more than `maxBytes + 1` bytes.
   */
  readFile(path: string, maxBytes: number): Promise<ReadResult>;
  /** A folder's entries, links not followed; a kind may be all false where the file system does not say (DT_UNKNOWN). */
  list(dir: string): Promise<DirectoryEntry[]>;
  /** What `path` is, links followed. */
  stat(path: string): Promise<EntryKind>;
  /** `path` with every link resolved. */
  realPath(path: string): Promise<string>;
}
