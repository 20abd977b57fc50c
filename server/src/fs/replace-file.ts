/**
 * Replaces a file's text as an editor's "save" should: only if it still holds what was read, through a symbolic link
 * to its target, with the same mode and owner, by an exclusively created temporary file renamed over it, so a failure
 * (a full disk) leaves the old file whole and no temporary file behind.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describeError, readRegularFile } from './read-file';

export class ReplaceRefused extends Error {}

/** The file's current bytes may legitimately be up to this much larger than what we read before it is "changed". */
const READ_SLACK = 1024 * 1024;

async function writeAll(handle: FileHandle, data: Buffer): Promise<void> {
  let offset = 0;
  while (offset < data.length) offset += (await handle.write(data, offset, data.length - offset, offset)).bytesWritten;
}

/**
 * Writes `next` over `path` if the file still holds `expected`. Throws ReplaceRefused (or an Error) with a message
 * that says why nothing was written.
 */
export async function replaceFileText(path: string, expected: string, next: string): Promise<void> {
  // Through a symbolic link: edit its target, so the link stays a link (as editors do).
  let target: string;
  try {
    target = await realpath(path);
  } catch (error) {
    throw new ReplaceRefused(`cannot find the file: ${describeError(error)}`);
  }
  const current = await readRegularFile(target, Buffer.byteLength(expected) + READ_SLACK);
  if (!current.ok) throw new ReplaceRefused(`cannot read it again before writing: ${current.reason}`);
  if (current.text !== expected) throw new ReplaceRefused('it changed on disk while pod-lens was working; not written (run pin again)');
  const before = current.stats;
  // Renaming a new file over a name splits hard links (the other names keep the old text); writing in place would
  // keep them but leave a half-written file on a crash or a full disk. Neither is safe, so say so and stop.
  if (before.nlink > 1) throw new ReplaceRefused(`it has ${before.nlink} hard links, which a safe rewrite would split; not written (pin a copy, or use --dry-run and apply the diff)`);

  const mode = before.mode & 0o7777;
  // A random name, created with O_EXCL (which also refuses a symbolic link planted at that name), next to the target so
  // the rename stays on one file system.
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(8).toString('hex')}.pod-lens.tmp`);
  let handle: FileHandle | undefined;
  let created = false;
  try {
    handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
    created = true;
    const uid = process.geteuid?.();
    if (uid !== undefined && (before.uid !== uid || before.gid !== process.getegid?.())) {
      try {
        await handle.chown(before.uid, before.gid);
      } catch (error) {
        throw new ReplaceRefused(`it belongs to uid ${before.uid}, gid ${before.gid}, which this user cannot give the rewritten file (${describeError(error)}); not written`);
      }
    }
    // After chown, which clears set-id bits; explicit, because open's mode is cut by the umask.
    await handle.chmod(mode);
    await writeAll(handle, Buffer.from(next, 'utf8'));
    await handle.sync();
    await handle.close();
    handle = undefined;
    // The last moment to notice a writer that came in while we wrote: same file, same size, same modification time.
    const now = await stat(target);
    if (now.ino !== before.ino || now.size !== before.size || now.mtimeMs !== before.mtimeMs) throw new ReplaceRefused('it changed on disk while pod-lens was writing; not written (run pin again)');
    await rename(temp, target);
    created = false;
  } catch (error) {
    await handle?.close().catch(() => undefined);
    if (created) await unlink(temp).catch(() => undefined);
    if (error instanceof ReplaceRefused) throw error;
    throw new ReplaceRefused(`not written: ${describeError(error)}`);
  }
}
