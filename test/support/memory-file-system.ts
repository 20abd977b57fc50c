/**
 * An in-memory file-system port for tests: files, folders and symbolic links under POSIX paths, failing as node:fs
 * fails (errors with a `code`), so the server's one walker and its messages run unchanged over a workspace that never
 * touches the disk.
 */
import { posix } from 'node:path';
import type { DirectoryEntry, EntryKind, FileSystem, ReadResult } from '../../server/src/fs/file-system';
import { describeError, notRegularFile, tooLarge } from '../../server/src/fs/read-file';

type Node = { kind: 'file'; text: string } | { kind: 'folder'; children: Map<string, Node> } | { kind: 'link'; target: string };

/** node:fs follows at most this many links before it gives up with ELOOP. */
const MAX_LINKS = 40;

function fsError(code: string, syscall: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path });
}

function kindOf(node: Node): EntryKind {
  return {
    isFile: () => node.kind === 'file',
    isDirectory: () => node.kind === 'folder',
    isSymbolicLink: () => node.kind === 'link',
    isFIFO: () => false,
    isSocket: () => false,
    isCharacterDevice: () => false,
    isBlockDevice: () => false,
  };
}

export class MemoryFileSystem implements FileSystem {
  private readonly root: Node = { kind: 'folder', children: new Map() };
  /** Every path read with readFile, in order: what a test can assert the server did (or did not) read. */
  readonly reads: string[] = [];

  /** `files`: absolute path → text; their folders are made as needed. */
  constructor(files: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(files)) this.write(path, text);
  }

  write(path: string, text: string): void {
    this.put(path, { kind: 'file', text });
  }

  link(path: string, target: string): void {
    this.put(path, { kind: 'link', target });
  }

  remove(path: string): void {
    const { parent, name } = this.parentOf(path);
    parent.children.delete(name);
  }

  async readFile(path: string, maxBytes: number): Promise<ReadResult> {
    this.reads.push(path);
    let node: Node;
    try {
      node = this.resolve(path, 'open');
    } catch (error) {
      return { ok: false, reason: describeError(error) };
    }
    if (node.kind !== 'file') return { ok: false, reason: notRegularFile(kindOf(node)) };
    const size = Buffer.byteLength(node.text);
    return size > maxBytes ? { ok: false, reason: tooLarge(maxBytes, size) } : { ok: true, text: node.text };
  }

  async list(dir: string): Promise<DirectoryEntry[]> {
    const node = this.resolve(dir, 'scandir');
    if (node.kind !== 'folder') throw fsError('ENOTDIR', 'scandir', dir);
    return [...node.children].map(([name, child]) => ({ name, ...kindOf(child) }));
  }

  async stat(path: string): Promise<EntryKind> {
    return kindOf(this.resolve(path, 'stat'));
  }

  async realPath(path: string): Promise<string> {
    return this.walkTo(path, 'realpath').path;
  }

  private resolve(path: string, syscall: string): Node {
    return this.walkTo(path, syscall).node;
  }

  /** Follows `path` segment by segment, links included (relative targets from the link's folder), as the kernel does. */
  private walkTo(path: string, syscall: string): { node: Node; path: string } {
    const pending = posix.resolve(path).split('/').filter(Boolean);
    let node: Node = this.root;
    let at = '/';
    let links = 0;
    while (pending.length) {
      const name = pending.shift()!;
      if (node.kind !== 'folder') throw fsError('ENOTDIR', syscall, path);
      const child = node.children.get(name);
      if (!child) throw fsError('ENOENT', syscall, path);
      if (child.kind === 'link') {
        if (++links > MAX_LINKS) throw fsError('ELOOP', syscall, path);
        const target = posix.resolve(at, child.target);
        pending.unshift(...target.split('/').filter(Boolean));
        node = this.root;
        at = '/';
        continue;
      }
      node = child;
      at = posix.join(at, name);
    }
    return { node, path: at };
  }

  private parentOf(path: string): { parent: Extract<Node, { kind: 'folder' }>; name: string } {
    const full = posix.resolve(path);
    let parent = this.root as Extract<Node, { kind: 'folder' }>;
    for (const segment of posix.dirname(full).split('/').filter(Boolean)) {
      let next = parent.children.get(segment);
      if (!next) parent.children.set(segment, (next = { kind: 'folder', children: new Map() }));
      if (next.kind !== 'folder') throw fsError('ENOTDIR', 'mkdir', path);
      parent = next;
    }
    return { parent, name: posix.basename(full) };
  }

  private put(path: string, node: Node): void {
    const { parent, name } = this.parentOf(path);
    parent.children.set(name, node);
  }
}
