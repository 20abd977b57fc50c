/** Startup order and effective resources through the language server (in process): code lens, hover, and the preview's request. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, withServer } from '../support/lsp-client';

const TEXT = readFileSync(join(ROOT, 'examples', 'sidecar-deployment.yaml'), 'utf8');

test('code lens above the object shows the order and opens the preview for this document', async () => {
  await withServer({}, async (client) => {
    const uri = 'file:///work/sidecar.yaml';
    await client.open(uri, TEXT);
    const lenses = (await client.codeLens(uri)) ?? [];
    assert.equal(lenses.length, 1);
    const [lens] = lenses;
    assert.equal(lens!.command?.title, 'Startup: logshipper (sidecar, keeps running) → myapp');
    assert.equal(lens!.command?.command, 'podLens.showStartupPreview');
    assert.deepEqual(lens!.command?.arguments, [uri]);
    assert.equal(lens!.range.start.line, client.positionOf(uri, 'apiVersion:').line);
  });
});

test('startup lens: only where init containers make an order, unless podLens.startupLens says always or off', async () => {
  const single = 'apiVersion: v1\nkind: Pod\nmetadata: {name: one}\nspec:\n  containers:\n    - {name: web, image: nginx:1.27}\n';
  await withServer({}, async (client) => {
    const uri = 'file:///work/single.yaml';
    await client.open(uri, single);
    assert.deepEqual(await client.codeLens(uri), []);
    await client.setSettings({ startupLens: 'always' }, uri);
    assert.deepEqual(
      (await client.codeLens(uri))?.map((l) => [l.range.start.line, l.command?.title]),
      [[0, 'Startup: web']],
    );
    const sidecar = 'file:///work/sidecar-off.yaml';
    await client.open(sidecar, TEXT);
    await client.setSettings({ startupLens: 'off' }, uri);
    assert.deepEqual(await client.codeLens(sidecar), []);
  });
});

test('hover on resources: effective values, the deciding phase, QoS, the replicas total', async () => {
  await withServer({}, async (client) => {
    const uri = 'file:///work/sidecar-hover.yaml';
    await client.open(uri, TEXT);
    const hover = await client.hover(uri, client.positionOf(uri, 'resources:', 2));
    const md = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    // The container's own values lead; then each cell of the Pod's table says what decided it.
    assert.ok(md.startsWith('**myapp**: requests cpu 250m (83% of 300m), memory 64Mi (67% of 96Mi); limits memory 128Mi (100% of 128Mi).\n'), md);
    assert.ok(md.includes('| cpu | 300m · app containers and sidecars (logshipper) together | — (no limit) |\n'), md);
    assert.match(md, /QoS \*\*Burstable\*\*/);
    assert.match(md, /For 3 replicas: cpu 900m, memory 288Mi requested in total/);
  });
});

test('podLens/startupPlan gives the preview its steps, shutdown order and phases', async () => {
  await withServer({}, async (client) => {
    const uri = 'file:///work/sidecar-plan.yaml';
    await client.open(uri, TEXT);
    const plan = (await client.connection.sendRequest('podLens/startupPlan', { uri })) as { workloads: Array<{ title: string; steps: Array<{ name: string; type: string }>; shutdown: Array<{ names: string[] }>; phases: Array<{ label: string; cpuMillis: number }>; qos: string }> };
    const [w] = plan.workloads;
    assert.equal(w!.title, 'Deployment myapp');
    assert.deepEqual(w!.steps.map((s) => [s.name, s.type]), [['logshipper', 'sidecar'], ['myapp', 'app']]);
    assert.deepEqual(w!.shutdown.map((s) => s.names), [['myapp'], ['logshipper']]);
    assert.deepEqual(w!.phases.map((p) => [p.label, p.cpuMillis]), [['logshipper', 50], ['app containers', 300]]);
    assert.equal(w!.qos, 'Burstable');
    assert.deepEqual(await client.connection.sendRequest('podLens/startupPlan', { uri: 'file:///none.yaml' }), { workloads: [] });
  });
});

test('the preview, like the hover and inspect, adds the overhead of a RuntimeClass in the workspace', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-rc-'));
  writeFileSync(join(dir, 'runtime-class.yaml'), 'apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata:\n  name: kata\nhandler: kata-qemu\noverhead:\n  podFixed: {cpu: 250m, memory: 160Mi}\n');
  await withServer({ workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'ws' }] }, async (client) => {
    await client.log(/^indexed \d+ files of ws/);
    const uri = pathToFileURL(join(dir, 'pod.yaml')).toString();
    await client.open(uri, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  runtimeClassName: kata\n  containers:\n    - name: app\n      image: nginx:1.27\n      resources:\n        requests: {cpu: 500m, memory: 128Mi}\n        limits: {memory: 256Mi}\n');
    const plan = (await client.connection.sendRequest('podLens/startupPlan', { uri })) as { workloads: Array<{ effectiveRequests: Record<string, string>; effectiveLimits: Record<string, string> }> };
    assert.deepEqual(plan.workloads.map((w) => [w.effectiveRequests, w.effectiveLimits]), [[{ cpu: '750m', memory: '288Mi' }, { memory: '416Mi' }]]);
  });
});
