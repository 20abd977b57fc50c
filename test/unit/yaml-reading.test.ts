/** Reading YAML as Kubernetes does, end to end through the model and the rules: the issue's examples and hostile input. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis/analyze';
import { isGoTemplate, parseManifests, MAX_DOCUMENTS_PER_FILE } from '../../server/src/analysis/model/manifest';
import { BudgetExceeded } from '../../server/src/analysis/yaml/decode';
import { readKubectlChunk } from '../../server/src/analysis/yaml/read-stream';

function findings(text: string) {
  return analyze(parseManifests(text)).findings.map((f) => ({ rule: f.rule, severity: f.severity, text: text.slice(f.span.start, f.span.end), message: f.message }));
}

/** Decoded objects have no prototype (a `__proto__` key stays a key): compare their plain JSON. */
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

const POD = (env: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    env:\n    - name: A\n      value: ${env}\n`;

test("a quoted value continued at the key's column is read as kubectl reads it, with no finding", () => {
  const text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n    note: 'first line\n    second line'\ndata:\n  a: b\n";
  const model = parseManifests(text);
  assert.deepEqual(findings(text), []);
  assert.deepEqual(plain(model.documents[0]!.value), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', annotations: { note: 'first line second line' } }, data: { a: 'b' } });
});

test('value: yes is an error with the decoder message, and its fix quotes it keeping the rest of the line', () => {
  const text = POD('yes   # debug on');
  const f = analyze(parseManifests(text)).findings.find((x) => x.rule === 'value-not-string')!;
  assert.equal(f.severity, 'error');
  assert.equal(
    f.message,
    'json: cannot unmarshal bool into Go struct field EnvVar.spec.containers.env.value of type string. The API server rejects the object. Kubernetes reads yes as the boolean true (YAML 1.1 reads `yes` as a boolean); write "yes".',
  );
  const edit = f.fixes![0]!.edits![0]!;
  const fixed = text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
  assert.equal(fixed, POD('"yes"   # debug on'));
  assert.deepEqual(findings(fixed), []);
});

test('what kubectl cannot read is a yaml-syntax error with its message, at its line', () => {
  const cases: Array<[string, string, string]> = [
    ['a:\n\tb: 1\n', 'kubectl cannot read this document: yaml: line 2: found character that cannot start any token', '\tb: 1'],
    ['a: *nope\n', "kubectl cannot read this document: yaml: unknown anchor 'nope' referenced", '*nope'],
    ['a: !!int abc\n', 'kubectl cannot read this document: yaml: cannot decode !!str `abc` as a !!int', '!!int abc'],
    ['a: .inf\n', 'kubectl cannot read this document: json: unsupported value: +Inf', '.inf'],
    ['%YAML 1.2\n---\na: 1\n', 'kubectl cannot read this document: yaml: found incompatible YAML document', '%YAML 1.2'],
  ];
  for (const [text, message, at] of cases) {
    assert.deepEqual(findings(text), [{ rule: 'yaml-syntax', severity: 'error', text: at, message }], JSON.stringify(text));
  }
});

test('duplicate keys are keys as Kubernetes reads them, with what kubectl, kustomize and Helm do', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  y: a\n  yes: b\n';
  assert.deepEqual(findings(text), [
    {
      rule: 'yaml-duplicate-key',
      severity: 'warning',
      text: 'yes',
      message: 'Duplicate key "yes": `kubectl apply -f` keeps this last value and silently drops the earlier one (kubernetes/kubernetes#125885), while kustomize and Helm reject the file.',
    },
  ]);
  assert.deepEqual(plain(parseManifests(text).documents[0]!.value), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { true: 'b' } });
});

test('{{ }} inside a block scalar or a quoted string is content: the file is analysed and indexed', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: alerts\ndata:\n  rule: |\n    {{ $labels.instance }} is down\n  title: "{{ .Status }}"\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n';
  assert.equal(isGoTemplate(text), false);
  assert.deepEqual(findings(text).map((f) => f.rule), ['container-image-required']);
  assert.equal(isGoTemplate('metadata:\n  name: {{ .Release.Name }}\n{{- if .Values.x }}\n'), true);
  assert.equal(isGoTemplate('image: app-{{ .Values.tag }}\n'), true);
});

test('an alias bomb is refused with kubectl\'s own error, not expanded', () => {
  const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 10; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
  const [f] = findings(`${lines.join('\n')}\n`);
  assert.equal(f!.message, 'kubectl cannot read this document: yaml: document contains excessive aliasing');
});

test('reading stops at the work budget: a document too large, a file with too many documents', () => {
  assert.throws(() => readKubectlChunk(`items: [${'1,'.repeat(2000)}1]\n`, { maxSteps: 1000 }), BudgetExceeded);
  const model = parseManifests('a: 1\n---\n'.repeat(MAX_DOCUMENTS_PER_FILE + 5));
  assert.equal(model.documents.length, MAX_DOCUMENTS_PER_FILE);
  const notes = analyze(model).findings.filter((f) => f.rule === 'yaml-syntax');
  assert.deepEqual(notes.map((f) => [f.severity, f.message]), [['information', `This file has more documents than Pod Lens reads (${MAX_DOCUMENTS_PER_FILE}); the rest is not analysed.`]]);
});
