/** The manifest model: documents, workloads by apiVersion + kind, containers with paths and spans, bad input. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis/analyze';
import { parseManifests, workloadsOf } from '../../server/src/analysis/model/manifest';
import { splitLikeKubectl } from '../../server/src/analysis/yaml/kubectl-split';

const POD_SPEC_PATHS: Array<[string, string, string]> = [
  ['v1', 'Pod', 'spec'],
  ['v1', 'PodTemplate', 'template.spec'],
  ['v1', 'ReplicationController', 'spec.template.spec'],
  ['apps/v1', 'Deployment', 'spec.template.spec'],
  ['extensions/v1beta1', 'Deployment', 'spec.template.spec'],
  ['apps/v1', 'ReplicaSet', 'spec.template.spec'],
  ['apps/v1', 'StatefulSet', 'spec.template.spec'],
  ['apps/v1', 'DaemonSet', 'spec.template.spec'],
  ['batch/v1', 'Job', 'spec.template.spec'],
  ['batch/v1', 'CronJob', 'spec.jobTemplate.spec.template.spec'],
];

function manifest(apiVersion: string, kind: string, path: string): string {
  const keys = path.split('.');
  let out = `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: x\n`;
  let indent = '';
  for (const k of keys) {
    out += `${indent}${k}:\n`;
    indent += '  ';
  }
  return `${out}${indent}initContainers:\n${indent}- name: side\n${indent}  image: a\n${indent}  restartPolicy: Always\n${indent}- name: init\n${indent}  image: b\n${indent}containers:\n${indent}- name: app\n${indent}  image: c\n`;
}

for (const [apiVersion, kind, path] of POD_SPEC_PATHS) {
  test(`finds the pod spec of ${apiVersion} ${kind} at ${path}`, () => {
    const text = manifest(apiVersion, kind, path);
    const [found] = workloadsOf(parseManifests(text));
    assert.ok(found);
    const spec = found.workload.podSpec;
    assert.equal(spec.path, path);
    assert.deepEqual(spec.all.map((c) => [c.name, c.type, c.path]), [
      ['side', 'sidecar', `${path}.initContainers[0]`],
      ['init', 'init', `${path}.initContainers[1]`],
      ['app', 'app', `${path}.containers[0]`],
    ]);
    const image = spec.containers[0]!.view.get('image')!;
    assert.equal(image.path, `${path}.containers[0].image`);
    assert.equal(text.slice(image.span.start, image.span.end), 'c');
  });
}

test('flow style (KYAML) manifests are found with exact spans', () => {
  const text = '{apiVersion: "v1", kind: "Pod", metadata: {name: "p"}, spec: {containers: [{name: "app", image: "nginx:1.27"}]}}\n';
  const [found] = workloadsOf(parseManifests(text));
  const image = found!.workload.podSpec.containers[0]!.view.get('image')!;
  assert.equal(text.slice(image.span.start, image.span.end), '"nginx:1.27"');
});

test('documents keep their own offsets; a syntax error in one does not stop the others', () => {
  const text = 'kind: Pod\napiVersion: v1\nspec: {containers: [\n---\napiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: b\n';
  const model = parseManifests(text);
  assert.equal(model.documents.length, 2);
  // The first document fails as kubectl fails it: go-yaml's message, on the line it names (the unclosed flow).
  const line3 = text.indexOf('spec: {');
  assert.deepEqual(
    model.documents[0]!.syntaxErrors.map((e) => [e.code, e.message, e.span]),
    [['KUBECTL', 'yaml: line 3: did not find expected node content', { start: line3, end: line3 + 'spec: {containers: ['.length }]],
  );
  assert.deepEqual(model.documents[1]!.syntaxErrors, []);
  const findings = analyze(model).findings;
  const missing = findings.find((f) => f.rule === 'container-image-required')!;
  assert.equal(text.slice(missing.span.start, missing.span.end), 'name: b');
});

test('documents split where kubectl splits them: a `---` line with spaces or a comment; a first `---` stays', () => {
  const chunks = splitLikeKubectl('---\na: 1\n--- # next\nb: 2\n---foo\n...\n---  \r\nc: 3');
  assert.deepEqual(chunks.map((c) => c.text), ['---\na: 1\n', 'b: 2\n---foo\n...\n', 'c: 3']);
  assert.deepEqual(chunks.map((c) => c.offset), [0, 20, 43]);
});

test('an unchanged document is not parsed again', () => {
  const cache = new Map();
  const a = parseManifests('a: 1\n---\nkind: Pod\n', cache);
  const b = parseManifests('a: 12\n---\nkind: Pod\n', cache);
  assert.equal(a.documents[1]!.doc, b.documents[1]!.doc);
  assert.notEqual(a.documents[0]!.doc, b.documents[0]!.doc);
  // The separator line belongs to no document, as in kubectl.
  assert.equal(b.documents[1]!.offset, 10);
});

const BAD_INPUTS: Array<[string, string]> = [
  ['empty', ''],
  ['only comments', '# nothing\n'],
  ['binary bytes', '\u0000\u0001\u0002\uFFFD\u0007'],
  ['a list document', '- a\n- b\n'],
  ['a scalar document', 'hello\n'],
  ['Pod without spec', 'apiVersion: v1\nkind: Pod\n'],
  ['containers: null', 'apiVersion: v1\nkind: Pod\nspec:\n  containers: null\n'],
  ['container is a string', 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - nginx\n'],
  ['tabs in indentation', 'apiVersion: v1\nkind: Pod\nspec:\n\tcontainers: []\n'],
  ['CRLF and BOM', '\uFEFFapiVersion: v1\r\nkind: Pod\r\nspec:\r\n  containers:\r\n  - name: a\r\n'],
  ['deep nesting', `${'['.repeat(2000)}${']'.repeat(2000)}`],
  ['alias bomb', `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n`],
  ['kind is a map', 'apiVersion: v1\nkind: {a: 1}\nspec: {}\n'],
  ['10,000 aliases', `x: &x 1\ny: [${Array(10000).fill('*x').join(',')}]\n`],
];

for (const [name, text] of BAD_INPUTS) {
  test(`bad input does not throw and ranges stay inside: ${name}`, () => {
    const result = analyze(parseManifests(text));
    assert.deepEqual(result.failures, []);
    for (const f of result.findings) {
      assert.ok(f.span.start >= 0 && f.span.end <= text.length && f.span.start <= f.span.end, `${f.rule} span out of range`);
    }
  });
}

test('a container that is a string or a null list gives no container', () => {
  const model = parseManifests('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - nginx\n');
  assert.equal(workloadsOf(model)[0]!.workload.podSpec.containers.length, 0);
});

test('CRLF with a BOM: spans count the BOM and the CRs as the editor does', () => {
  const text = '\uFEFFapiVersion: v1\r\nkind: Pod\r\nspec:\r\n  containers:\r\n  - name: a\r\n';
  const f = analyze(parseManifests(text)).findings.find((x) => x.rule === 'container-image-required')!;
  assert.equal(text.slice(f.span.start, f.span.end), 'name: a');
});

test('merge keys: the views see what kubectl sends (own keys win, then earlier merged maps), no false findings', () => {
  const text = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata: {name: p}',
    'spec:',
    '  containers:',
    '    - &base {name: app, image: nginx:1.27, imagePullPolicy: IfNotPresent}',
    '    - &extra {name: extra, image: busybox:1.36, workingDir: /w}',
    '    - <<: [*base, *extra]',
    '      name: side',
    '',
  ].join('\n');
  const model = parseManifests(text);
  const side = model.documents[0]!.workload!.podSpec.containers[2]!;
  assert.deepEqual(
    side.view.keys().map((k) => [k, side.view.get(k)!.value]),
    [['name', 'side'], ['image', 'nginx:1.27'], ['imagePullPolicy', 'IfNotPresent'], ['workingDir', '/w']],
  );
  assert.deepEqual(analyze(model).findings.map((f) => `${f.rule} ${f.path}`), []);
});
