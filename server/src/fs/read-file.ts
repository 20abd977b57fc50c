/** Reads a manifest only if it is a regular file of bounded size: never blocks on a FIFO, never streams a device. */
import { constants } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';

export type ReadResult = { ok: true; text: string; stats: Stats } | { ok: false; reason: string };

/** What a non-regular file is, in words for a message. */
export function fileKind(st: Pick<Stats, 'isDirectory' | 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket'>): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'something other than a file';
}

/** Why a path that is not a regular file is not read (every file-system port says it the same way). */
export function notRegularFile(st: Parameters<typeof fileKind>[0]): string {
  return `it is ${fileKind(st)}, not a regular file`;
}

/** Why a file over the size limit is not read; `size` when the file said it before it was read. */
export function tooLarge(maxBytes: number, size?: number): string {
  return `it is larger than ${maxBytes} bytes${size === undefined ? '' : ` (${size})`}`;
}

/** A file-system error as a short reason (`permission denied (EACCES)`), without a stack. */
export function describeError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const words: Record<string, string> = {
    ENOENT: 'it does not exist',
    ELOOP: 'it is a symbolic link that loops',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'it is a folder',
    EIO: 'input/output error',
    ENOSPC: 'no space left on the device',
    EROFS: 'the file system is read-only',
    ENAMETOOLONG: 'the path is too long',
    ENXIO: 'it is a socket or a device with nothing behind it',
  };
  if (e && typeof e.code === 'string') return `${words[e.code] ?? e.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '')} (${e.code})`;
  return error instanceof Error ? error.message : String(error);
}

/** Reads at most `maxBytes + 1` bytes whatever the file claims its size is (files in /proc say 0 and go on). */
async function readBounded(handle: FileHandle, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.alloc(Math.min(64 * 1024, maxBytes + 1 - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total > maxBytes) return undefined;
  }
  return Buffer.concat(chunks, total);
}

/**
 * The text of `path` (symbolic links followed) when it is a regular file of at most `maxBytes` bytes; otherwise why not.
 * The type is checked before opening and again on the open descriptor; O_NONBLOCK makes opening a FIFO that replaced the
 * file in between return at once (a blocking open waits for a writer forever), and the second check then refuses it.
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<ReadResult> {
  let handle: FileHandle;
  try {
    // Type first: opening some devices does something (a watchdog starts counting, a tape rewinds).
    const before = await stat(path);
    if (!before.isFile()) return { ok: false, reason: notRegularFile(before) };
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    return { ok: false, reason: describeError(error) };
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { ok: false, reason: notRegularFile(stats) };
    if (stats.size > maxBytes) return { ok: false, reason: tooLarge(maxBytes, stats.size) };
    const bytes = await readBounded(handle, maxBytes);
    if (!bytes) return { ok: false, reason: tooLarge(maxBytes) };
    return { ok: true, text: bytes.toString('utf8'), stats };
  } catch (error) {
    return { ok: false, reason: describeError(error) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}
