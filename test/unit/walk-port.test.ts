/** The one walker runs over any file-system port: here an in-memory one, with the loops and skips a disk can hold. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findYamlFiles } from '../../server/src/fs/walk';
import { compileExcludes } from '../../server/src/fs/glob';
import { MemoryFileSystem } from '../support/memory-file-system';

test('the walker follows links once, skips what it never walks and says why it skipped the rest', async () => {
  const fs = new MemoryFileSystem({
    '/repo/a.yaml': 'kind: A\n',
    '/repo/deep/b.yml': 'kind: B\n',
    '/repo/.git/config.yaml': 'x: 1\n',
    '/repo/node_modules/dep/c.yaml': 'kind: C\n',
    '/repo/excluded/d.yaml': 'kind: D\n',
    '/repo/chart/Chart.yaml': 'name: chart\n',
    '/repo/chart/templates/e.yaml': 'kind: E\n',
    '/repo/Kustomization': 'resources: []\n',
    '/repo/readme.md': '# not YAML\n',
  });
  fs.link('/repo/loop', '.');
  fs.link('/repo/same.yaml', 'a.yaml');
  fs.link('/repo/dangling.yaml', 'missing.yaml');
  fs.link('/repo/self.yaml', 'self.yaml');
  const result = await findYamlFiles(fs, '/repo', { exclude: compileExcludes(['excluded/**']), skipHelmTemplates: true });
  assert.deepEqual(result, {
    files: ['/repo/Kustomization', '/repo/a.yaml', '/repo/chart/Chart.yaml', '/repo/deep/b.yml'],
    skipped: [
      { path: '/repo/dangling.yaml', reason: 'it is a symbolic link to something that does not exist' },
      { path: '/repo/self.yaml', reason: 'it is a symbolic link that loops (ELOOP)' },
    ],
  });
});

test('the walker stops at its depth limit and reports a root it cannot find', async () => {
  const fs = new MemoryFileSystem({ '/r/1/2/3/x.yaml': 'kind: X\n', '/r/1/y.yaml': 'kind: Y\n' });
  assert.deepEqual(await findYamlFiles(fs, '/r', { maxDepth: 2 }), {
    files: ['/r/1/y.yaml'],
    skipped: [{ path: '/r/1/2/3', reason: 'not searched: it is more than 2 folders deep' }],
  });
  assert.deepEqual(await findYamlFiles(fs, '/nowhere'), { files: [], skipped: [{ path: '/nowhere', reason: 'it does not exist (ENOENT)' }] });
});
