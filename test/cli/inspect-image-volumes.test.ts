/** `pod-lens inspect` lists a Pod's image volumes like container images: the reference's parts and the pull policy. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../support/cli';

const TEXT = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: p',
  'spec:',
  '  containers:',
  '  - name: app',
  '    image: nginx:1.27',
  '  volumes:',
  '  - name: model',
  '    image: {reference: quay.io/example/model:v1}',
  '  - name: latest',
  '    image: {reference: quay.io/example/tools, pullPolicy: Never}',
  '  - name: cache',
  '    emptyDir: {}',
  '',
].join('\n');

test('inspect JSON: each image volume with its parsed reference and effective pull policy', async () => {
  const run = await runCli(['inspect', '-'], { input: TEXT });
  assert.equal(run.status, 0, run.stderr);
  const [w] = JSON.parse(run.stdout).files[0].workloads;
  assert.deepEqual(
    w.imageVolumes.map((v: { name: string; path: string; image: { fullName: string; tag: string | null }; pullPolicy: { value: string; defaulted: boolean } }) => [
      v.name,
      v.path,
      v.image.fullName,
      v.image.tag,
      v.pullPolicy.value,
      v.pullPolicy.defaulted,
    ]),
    [
      ['model', 'spec.volumes[0].image', 'quay.io/example/model', 'v1', 'IfNotPresent', true],
      ['latest', 'spec.volumes[1].image', 'quay.io/example/tools', null, 'Never', false],
    ],
  );
});

test('inspect JSON: a pod spec without image volumes has no imageVolumes key', async () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n';
  const [w] = JSON.parse((await runCli(['inspect', '-'], { input: text })).stdout).files[0].workloads;
  assert.equal('imageVolumes' in w, false);
});

test('inspect text: one line per image volume', async () => {
  const lines = (await runCli(['inspect', '-', '--format', 'text'], { input: TEXT })).stdout.split('\n');
  assert.deepEqual(
    lines.filter((l) => l.startsWith('  - image volume')),
    ['  - image volume model  image quay.io/example/model:v1 (quay.io/example/model)  pull IfNotPresent (defaulted)', '  - image volume latest  image quay.io/example/tools (quay.io/example/tools)  pull Never'],
  );
});
