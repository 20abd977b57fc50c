/** Reads standard input to its end, but never more than a bound: `yes | pod-lens check -` fails instead of filling memory. */
import { readSync } from 'node:fs';

export function readStdinBounded(maxBytes: number, fd = 0): string {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.alloc(64 * 1024);
    let bytesRead: number;
    try {
      bytesRead = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      // A closed or absent standard input reads as empty, as readFileSync(0) does for /dev/null.
      if ((error as NodeJS.ErrnoException).code === 'EOF') break;
      throw error;
    }
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total > maxBytes) throw new Error(`standard input is larger than ${maxBytes} bytes; not read`);
  }
  return Buffer.concat(chunks, total).toString('utf8');
}
