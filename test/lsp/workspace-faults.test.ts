/** The workspace scan in the real server on a hostile folder: it finishes, reads only regular files, and says what it skipped. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SERVER, withServer } from '../support/lsp-client';
import { readableBundles } from '../support/unprivileged';

const SECRET = (name: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\ntype: kubernetes.io/dockerconfigjson\nstringData:\n  .dockerconfigjson: '{"auths": {}}'\n`;
const DEPLOY = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      imagePullSecrets:\n        - name: top\n        - name: in-foo-git\n        - name: excluded\n      containers:\n        - name: app\n          image: registry.example.com/app:1.0\n`;

function hostileWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-ws-faults-'));
  writeFileSync(join(dir, 'secret.yaml'), SECRET('top'));
  // `**/.git` excludes .git folders, not a folder whose name merely ends in ".git".
  mkdirSync(join(dir, 'foo.git'));
  writeFileSync(join(dir, 'foo.git', 'secret.yaml'), SECRET('in-foo-git'));
  mkdirSync(join(dir, 'excluded'));
  writeFileSync(join(dir, 'excluded', 'secret.yaml'), SECRET('excluded'));
  assert.equal(spawnSync('mkfifo', [join(dir, 'fifo.yaml')]).status, 0);
  symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
  symlinkSync('loop.yaml', join(dir, 'loop.yaml'));
  symlinkSync('nowhere.yaml', join(dir, 'dangling.yaml'));
  // Two links back to the folder itself: the old scan walked them forever.
  symlinkSync('.', join(dir, 'a'));
  symlinkSync('.', join(dir, 'b'));
  return dir;
}

test('an untrusted workspace with FIFOs, devices, link loops and a typo in an exclude glob is scanned to the end', async () => {
  const dir = hostileWorkspace();
  await withServer(
    {
      workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'ws' }],
      initializationOptions: { workspaceTrusted: false, filesExclude: ['**/.git', '{a'] },
      settings: { exclude: ['excluded/**', 'b}', 'a*a*a*a*b'] },
    },
    async (client) => {
      const indexed = await client.log(/^indexed \d+ files of ws/, 30_000);
      assert.match(indexed, /^indexed 2 files of ws in \d+ ms \(2 objects, 4 skipped\)$/);
      const skipped = client.logs.filter((m) => m.startsWith('  skipped '));
      assert.deepEqual(skipped, [
        `  skipped ${join(dir, 'dangling.yaml')}: it is a symbolic link to something that does not exist`,
        `  skipped ${join(dir, 'fifo.yaml')}: it is a FIFO, not a regular file`,
        `  skipped ${join(dir, 'loop.yaml')}: it is a symbolic link that loops (ELOOP)`,
        `  skipped ${join(dir, 'zero.yaml')}: it is a character device, not a regular file`,
      ]);
      assert.deepEqual(
        client.logs.filter((m) => m.includes('exclude pattern')),
        [
          '[warning] podLens.exclude / files.exclude: ignoring the exclude pattern "b}": it has a "}" without a "{"',
          '[warning] podLens.exclude / files.exclude: ignoring the exclude pattern "a*a*a*a*b": it has 4 wildcards; at most 3 are allowed, as matching slows down with each',
          '[warning] podLens.exclude / files.exclude: ignoring the exclude pattern "{a": it has a "{" that is never closed',
        ],
      );

      // What the scan indexed is what resolves: both Secrets outside the excluded folder, not the one inside it.
      const deploy = pathToFileURL(join(dir, 'deploy.yaml')).toString();
      await client.open(deploy, DEPLOY);
      const diagnostics = await client.nextDiagnostics(deploy, (p) => p.diagnostics.some((d) => d.code === 'image-pull-secret-not-found'), 15_000).catch(() => client.latest.get(deploy)!.diagnostics);
      const missing = diagnostics.filter((d) => d.code === 'image-pull-secret-not-found').map((d) => d.message);
      assert.equal(missing.length, 1, JSON.stringify(missing));
      assert.match(missing[0]!, /Secret "excluded" is not defined/);

      // The file watcher skips what the scan excluded: a change there is not indexed; one outside it is.
      writeFileSync(join(dir, 'secret.yaml'), SECRET('renamed'));
      const names = (d: Array<{ code?: unknown; message: string }>) => d.filter((x) => x.code === 'image-pull-secret-not-found').map((x) => x.message.match(/Secret "[^"]+"/)?.[0]);
      const updated = client.nextDiagnostics(deploy, (p) => names(p.diagnostics).includes('Secret "top"'), 15_000);
      await client.filesChanged([
        { uri: pathToFileURL(join(dir, 'excluded', 'secret.yaml')).toString(), type: 2 },
        { uri: pathToFileURL(join(dir, 'secret.yaml')).toString(), type: 2 },
      ]);
      assert.deepEqual(names(await updated), ['Secret "top"', 'Secret "excluded"']);
    },
  );
});

test('a FIFO that the file watcher reports, or that a closed document turns into, does not hold up the index', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-ws-fifo-'));
  writeFileSync(join(dir, 'secret.yaml'), SECRET('top'));
  await withServer({ workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'ws' }] }, async (client) => {
    await client.log(/^indexed 1 files of ws/, 30_000);
    const deploy = pathToFileURL(join(dir, 'deploy.yaml')).toString();
    const missing = (diagnostics: Array<{ code?: unknown; message: string }>) =>
      diagnostics.filter((d) => d.code === 'image-pull-secret-not-found').map((d) => d.message.match(/Secret "[^"]+"/)?.[0]);
    await client.open(deploy, DEPLOY);
    await client.nextDiagnostics(deploy, (p) => missing(p.diagnostics).length === 2, 15_000).catch(() => undefined);
    assert.deepEqual(missing(client.latest.get(deploy)!.diagnostics), ['Secret "in-foo-git"', 'Secret "excluded"']);

    // A document open under a name that is now a FIFO is closed: the server reads the disk again.
    const fifo = join(dir, 'new.yaml');
    const fifoUri = pathToFileURL(fifo).toString();
    await client.open(fifoUri, SECRET('unrelated'));
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    await client.close(fifoUri);
    // The watcher reports the FIFO and, after it, a real change: the real change must still reach the index.
    writeFileSync(join(dir, 'secret.yaml'), SECRET('in-foo-git'));
    const updated = client.nextDiagnostics(deploy, (p) => missing(p.diagnostics).includes('Secret "top"'), 15_000);
    await client.filesChanged([
      { uri: fifoUri, type: 1 },
      { uri: pathToFileURL(join(dir, 'secret.yaml')).toString(), type: 2 },
    ]);
    assert.deepEqual(missing(await updated), ['Secret "top"', 'Secret "excluded"']);
  });
});

test('an unreadable file is skipped with the reason and the rest is indexed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-ws-eacces-'));
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'secret.yaml'), SECRET('top'));
  writeFileSync(join(dir, 'locked.yaml'), SECRET('in-foo-git'), { mode: 0o000 });
  chmodSync(join(dir, 'locked.yaml'), 0o000);
  // Root reads files whatever their mode: as root, the server drops to nobody before it starts (a preloaded module).
  let command = [SERVER, '--stdio'];
  if (process.getuid?.() === 0) {
    const bundles = readableBundles();
    command = ['--require', bundles.dropToNobody, bundles.server, '--stdio'];
  }
  await withServer({ workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'ws' }], command }, async (client) => {
    const indexed = await client.log(/^indexed \d+ files of ws/, 30_000);
    assert.match(indexed, /^indexed 1 files of ws in \d+ ms \(1 objects, 1 skipped\)$/);
    assert.deepEqual(client.logs.filter((m) => m.startsWith('  skipped ')), [`  skipped ${join(dir, 'locked.yaml')}: permission denied (EACCES)`]);
  });
});
