/** The schema catalog through the built server: diagnostics with fixes, podLens.fieldValidation, field hovers and completion. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { withServer } from '../support/lsp-client';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      shareProcessNamespace: true
      containers:
        - name: web
          image: nginx:1.27
          imagePulPolicy: Always
          ports:
            - containerPort: 80
`;

test('an unknown field: an error with a did-you-mean fix; a warning under Warn; nothing under Ignore', async () => {
  await withServer({}, async (client) => {
    const uri = 'file:///work/schema-unknown.yaml';
    const diagnostics = (await client.open(uri, DEPLOYMENT)).filter((d) => d.code === 'field-unknown');
    const at = client.positionOf(uri, 'imagePulPolicy');
    assert.deepEqual(
      diagnostics.map((d) => [d.severity, d.message, d.range]),
      [[1, `strict decoding error: unknown field "spec.template.spec.containers[0].imagePulPolicy". The API server rejects the object (fieldValidation=Strict, kubectl's default). Did you mean "imagePullPolicy"?`, { start: at, end: client.positionOf(uri, 'imagePulPolicy', 14) }]],
    );
    const actions = await client.codeActions(uri, at);
    const fix = actions.find((a) => a.title === 'Change to imagePullPolicy');
    assert.deepEqual(fix?.edit?.changes?.[uri], [{ range: { start: at, end: client.positionOf(uri, 'imagePulPolicy', 14) }, newText: 'imagePullPolicy' }]);

    const warn = await client.setSettings({ fieldValidation: 'Warn' }, uri);
    assert.deepEqual(
      warn?.filter((d) => d.code === 'field-unknown').map((d) => [d.severity, d.message]),
      [[2, 'unknown field "spec.template.spec.containers[0].imagePulPolicy". The API server drops the field (fieldValidation=Warn). Did you mean "imagePullPolicy"?']],
    );
    const ignore = await client.setSettings({ fieldValidation: 'Ignore' }, uri);
    assert.deepEqual(ignore?.filter((d) => d.code === 'field-unknown'), []);
  });
});

test('hover on a plain field shows its description, type and default; on an unknown key, the near names', async () => {
  await withServer({}, async (client) => {
    const uri = 'file:///work/schema-hover.yaml';
    await client.open(uri, DEPLOYMENT);
    const share = await client.hover(uri, client.positionOf(uri, 'shareProcessNamespace', 3));
    assert.equal(
      (share?.contents as MarkupContent).value,
      [
        '**shareProcessNamespace** `boolean` · PodSpec',
        '',
        'Share a single process namespace between all of the containers in a pod. When this is set containers will be able to view and signal processes from other containers in the same pod, and the first process in each container will not be assigned PID 1. HostPID and ShareProcessNamespace cannot both be set. Optional: Default to false.',
        '',
        'Default: `false`',
        '',
        '[Kubernetes API reference](https://kubernetes.io/docs/reference/kubernetes-api/)',
      ].join('\n'),
    );
    assert.deepEqual(share?.range, { start: client.positionOf(uri, 'shareProcessNamespace'), end: client.positionOf(uri, 'shareProcessNamespace', 21) });
    const replicas = await client.hover(uri, client.positionOf(uri, 'replicas: 2', 1));
    assert.match((replicas?.contents as MarkupContent).value, /^\*\*replicas\*\* `integer \(int32\)` · DeploymentSpec\n\nNumber of desired pods\./);
    assert.match((replicas?.contents as MarkupContent).value, /\n\nDefault: `1`\n/);
    const typo = await client.hover(uri, client.positionOf(uri, 'imagePulPolicy', 2));
    assert.equal(
      (typo?.contents as MarkupContent).value,
      "**imagePulPolicy** is not a field of Container: the API server rejects it under strict field validation (kubectl's default).\n\nDid you mean `imagePullPolicy`?",
    );
  });
});

test('completion offers the fields valid at the cursor, without those written, and enum values with the default first', async () => {
  await withServer({}, async (client) => {
    const uri = 'file:///work/schema-complete.yaml';
    const text = DEPLOYMENT.replace('          imagePulPolicy: Always\n', '          ter\n').replace('      shareProcessNamespace: true\n', '      dnsPolicy: \n');
    await client.open(uri, text);
    const fields = await client.completion(uri, client.positionOf(uri, '          ter', 13));
    const labels = fields.map((i) => i.label);
    assert.ok(labels.includes('terminationMessagePolicy') && labels.includes('livenessProbe'), JSON.stringify(labels));
    for (const present of ['name', 'image', 'ports']) assert.ok(!labels.includes(present), present);
    assert.equal(labels.length, 22, JSON.stringify(labels));
    const probe = fields.find((i) => i.label === 'livenessProbe');
    assert.equal(probe?.textEdit && 'newText' in probe.textEdit ? probe.textEdit.newText : undefined, 'livenessProbe:\n  $0');
    const env = fields.find((i) => i.label === 'env');
    assert.equal(env?.textEdit && 'newText' in env.textEdit ? env.textEdit.newText : undefined, 'env:\n  - name: $1');

    const values = await client.completion(uri, client.positionOf(uri, 'dnsPolicy: ', 11));
    assert.deepEqual(
      values.sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((i) => [i.label, i.detail]),
      [
        ['ClusterFirst', 'dnsPolicy (default)'],
        ['ClusterFirstWithHostNet', 'dnsPolicy'],
        ['Default', 'dnsPolicy'],
        ['None', 'dnsPolicy'],
      ],
    );
  });
});

test('completion of kind and of the apiVersion that serves the kind', async () => {
  await withServer({}, async (client) => {
    const uri = 'file:///work/schema-kinds.yaml';
    await client.open(uri, 'apiVersion: \nkind: CronJob\nmetadata:\n  name: c\n');
    const versions = await client.completion(uri, { line: 0, character: 12 });
    assert.deepEqual(
      versions.sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((i) => i.label),
      ['batch/v1', 'apps/v1', 'node.k8s.io/v1', 'v1'],
    );
    await client.change(uri, [{ range: { start: { line: 1, character: 6 }, end: { line: 1, character: 13 } }, newText: 'Cro' }]);
    const kinds = await client.completion(uri, { line: 1, character: 9 });
    assert.equal(kinds.length, 16);
    assert.deepEqual(kinds.find((i) => i.label === 'CronJob')?.detail, 'kind (batch/v1)');
  });
});
