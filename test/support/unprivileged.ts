/**
 * Running the built CLI or server as `nobody`, for the cases where root would read a file that a user cannot: the
 * checkout itself may be private (a clone under /root, or in a `mktemp -d` folder), so the bundles are copied to a
 * world-readable folder first.
 */
import { chmodSync, copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NOBODY = 65534;

const DIST = join(__dirname, '..', '..', 'dist');

/** Copies of the built bundles (`cli.js` needs its `cli-bundle.js` beside it) that any user can read and run. */
export function readableBundles(): { cli: string; server: string; dropToNobody: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-dist-'));
  chmodSync(dir, 0o755);
  for (const name of ['cli.js', 'cli-bundle.js', 'server.js']) {
    copyFileSync(join(DIST, name), join(dir, name));
    chmodSync(join(dir, name), 0o644);
  }
  // Preloaded with --require: the process gives up root before the server starts.
  const dropToNobody = join(dir, 'drop.js');
  writeFileSync(dropToNobody, `process.setgroups([]); process.setgid(${NOBODY}); process.setuid(${NOBODY});\n`, { mode: 0o644 });
  return { cli: join(dir, 'cli.js'), server: join(dir, 'server.js'), dropToNobody };
}
