/**
 * Pod templates inside custom resources through the server (issue 16): a Rollout's findings, hover, startup lens and
 * pin-to-digest; a RayCluster's hover per worker group; podLens.podTemplates declaring another kind, bad entries logged once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { withServer } from '../support/lsp-client';
import { startStub } from '../support/registry-stub';

const MANIFEST = JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: {}, layers: [] });
const DIGEST = `sha256:${createHash('sha256').update(MANIFEST).digest('hex')}`;

const rollout = (image: string) => `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: web
spec:
  replicas: 3
  strategy:
    canary:
      steps:
        - setWeight: 20
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      initContainers:
        - name: migrate
          image: ${image}
      containers:
        - name: app
          image: ${image}
          imagePullPolicy: IfNotPresent
          ports:
            - containerPort: 0
`;

function markdown(hover: Hover | null): string {
  return (hover?.contents as MarkupContent | undefined)?.value ?? '';
}

test('a Rollout: its problems (a stale latest under IfNotPresent, port 0), the image hover, the startup lens and pin to digest', async () => {
  const stub = await startStub((req, res) => {
    res.writeHead(200, { 'Docker-Content-Digest': DIGEST, 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' }).end(req.method === 'HEAD' ? undefined : MANIFEST);
  });
  try {
    await withServer({ settings: { startupLens: 'always' } }, async (client) => {
      const uri = 'file:///work/rollout.yaml';
      const image = `${stub.host}/team/app:latest`;
      const diagnostics = await client.open(uri, rollout(image));
      const app = diagnostics.filter((d) => d.range.start.line >= client.positionOf(uri, '- name: app').line);
      assert.deepEqual(app.map((d) => [d.code, d.range.start]).sort(), [
        // `latest` with IfNotPresent is one finding: what happens on each node (#19).
        ['image-pull-policy-stale-latest', client.positionOf(uri, 'IfNotPresent')],
        ['port-invalid', client.positionOf(uri, 'containerPort')],
      ].sort());

      const hover = markdown(await client.hover(uri, client.positionOf(uri, image, 2, 1)));
      assert.match(hover, /^\*\*imagePullPolicy: IfNotPresent\*\* — written in the manifest\./);
      assert.match(hover, new RegExp(`\\| \`${stub.host.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\` \\| \`team/app\` \\| \`latest\` \\|`));

      const lenses = (await client.codeLens(uri)) ?? [];
      assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title]), [[0, 'Startup: migrate → app']]);

      const pin = (await client.codeActions(uri, client.positionOf(uri, image, 2, 1))).find((a) => a.title === 'Pin to digest');
      assert.ok(pin && !pin.edit, 'listed without a network call');
      const resolved = await client.resolve(pin);
      client.applyWorkspaceEdit(resolved.edit!);
      const pinned = rollout(image).split('\n');
      const line = client.positionOf(uri, '- name: app').line + 1;
      pinned[line] = pinned[line]!.replace(image, `${image}@${DIGEST}`);
      assert.equal(client.text(uri), pinned.join('\n'));
    });
  } finally {
    await stub.stop();
  }
});

test('a RayCluster: the hover reads the worker group under the cursor, the lens names each pod spec', async () => {
  const text = `apiVersion: ray.io/v1
kind: RayCluster
metadata:
  name: ray
spec:
  headGroupSpec:
    template:
      spec:
        containers:
          - name: head
            image: rayproject/ray:2.9.0
            resources:
              limits: {memory: 2Gi}
  workerGroupSpecs:
    - groupName: small
      template:
        spec:
          containers:
            - name: worker
              image: rayproject/ray:2.9.0
              resources:
                limits: {memory: 1Gi}
`;
  await withServer({ settings: { startupLens: 'always' } }, async (client) => {
    const uri = 'file:///work/ray.yaml';
    assert.deepEqual(await client.open(uri, text), []);
    assert.match(markdown(await client.hover(uri, client.positionOf(uri, 'resources:', 2, 0))), /\| memory \| 2Gi · app containers together \| 2Gi · app containers together \|/);
    assert.match(markdown(await client.hover(uri, client.positionOf(uri, 'resources:', 2, 1))), /\| memory \| 1Gi · app containers together \| 1Gi · app containers together \|/);
    const lenses = (await client.codeLens(uri)) ?? [];
    assert.deepEqual(lenses.map((l) => l.command?.title), ['Startup (spec.headGroupSpec.template.spec): head', 'Startup (spec.workerGroupSpecs[0].template.spec): worker']);
  });
});

const WIDGET = `apiVersion: example.com/v1
kind: Widget
metadata:
  name: w
spec:
  workers:
    - template:
        spec:
          containers:
            - name: app
              image: nginx:latest
`;

test('podLens.podTemplates: a declared kind is checked at its paths; bad entries are logged once and skipped', async () => {
  await withServer({}, async (client) => {
    const uri = 'file:///work/widget.yaml';
    assert.deepEqual(await client.open(uri, WIDGET), [], 'an unknown custom resource is not judged');
    const found = client.nextDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const bad = [{ apiVersion: 'v1', kind: 'Widget', paths: ['spec.template'] }, { apiVersion: 'example.com/v1', kind: 'Widget', paths: ['spec..x'] }];
    await client.setSettings({ podTemplates: [...bad, { apiVersion: 'example.com/v1', kind: 'Widget', paths: ['spec.workers[*].template'] }] });
    const diagnostics = await found;
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start]), [['image-tag-mutable', client.positionOf(uri, 'latest')]]);
    assert.match(diagnostics[0]!.message, /^Image "nginx:latest" uses the mutable tag "latest"/);
    await client.log(/podTemplates\[1\]/);
    const logged = client.logs.filter((m) => m.includes('podLens.podTemplates'));
    assert.deepEqual(logged, [
      'settings: podLens.podTemplates[0].apiVersion: skipped: must be the group/version of a custom resource, e.g. "example.com/v1"',
      'settings: podLens.podTemplates[1].paths[0]: skipped: "" is not a field name (letters, digits, _, -, a * glob, then optionally [*])',
    ]);
    // The same settings again: nothing new is logged.
    await client.setSettings({ ...client.settings, startupLens: 'off' }, uri);
    assert.equal(client.logs.filter((m) => m.includes('podLens.podTemplates')).length, 2);
    // Removed again: the kind is no longer read.
    const cleared = client.nextDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await client.setSettings({});
    assert.deepEqual(await cleared, []);
  });
});

test('podLens.podTemplates of a hostile size is bounded and never stops the server', async () => {
  const widget = { apiVersion: 'example.com/v1', kind: 'Widget', paths: ['spec.workers[*].template', ...Array.from({ length: 1000 }, () => '[*]'.repeat(5000))] };
  const huge = [widget, ...Array.from({ length: 4999 }, (_, i) => ({ apiVersion: 'example.com/v1', kind: `K${i}`, paths: ['x'.repeat(10_000), 'spec.template'] }))];
  await withServer({ settings: { podTemplates: huge } }, async (client) => {
    const uri = 'file:///work/hostile.yaml';
    await client.open(uri, WIDGET);
    await client.log(/only the first 100 of 5000 entries are read/);
    await client.log(/podTemplates\[0\]\.paths: only the first 16 of 1001 paths are read/);
    // The one good path of the first entry still works: the server answers with the declared kind's image hover.
    assert.match(markdown(await client.hover(uri, client.positionOf(uri, 'nginx'))), /^\*\*imagePullPolicy: Always\*\* — defaulted: tag "latest" → Always\./);
  });
});
