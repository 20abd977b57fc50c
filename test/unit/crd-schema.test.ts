/** CRD schemas: the walk of a custom resource against a structural schema (table), the CRD reading and its bounds. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCustomResource, MAX_VISITS } from '../../server/src/analysis/crd/check-custom-resource';
import { MAX_SCHEMA_DEPTH, MAX_SCHEMA_NODES, readCrd, type CrdSchema } from '../../server/src/analysis/crd/crd-definition';
import { analyze } from '../../server/src/analysis/analyze';
import { parseManifests } from '../../server/src/analysis/model/manifest';
import type { KustomizeFacts } from '../../server/src/analysis/kustomize/coverage';
import { WorkspaceIndex } from '../../server/src/workspace/index';

/** One problem as `kind path: message` (the message as the rule quotes it, before what Kubernetes does). */
function walk(schema: CrdSchema, spec: string, skip: string[] = []): string[] {
  const d = parseManifests(`apiVersion: x.example.com/v1\nkind: Thing\nmetadata: {name: a}\nspec: ${spec}\n`).documents[0]!;
  return checkCustomResource(d.doc, d.root!.node, { type: 'object', properties: { spec: schema } }, new Set(skip)).map((p) => `${p.kind} ${p.path}: ${p.message}`);
}

const obj = (properties: Record<string, CrdSchema>, more: Partial<CrdSchema> = {}): CrdSchema => ({ type: 'object', properties, ...more });

test('the schema walk reports what the API server reports, in its words', () => {
  const cases: Array<[string, CrdSchema, string, string[]]> = [
    ['integer from a string', obj({ num: { type: 'integer' } }), '{num: "3"}', ['type spec.num: Invalid value: "string": spec.num in body must be of type integer: "string"']],
    ['integer from a float', obj({ num: { type: 'integer' } }), '{num: 1.5}', ['type spec.num: Invalid value: "number": spec.num in body must be of type integer: "number"']],
    ['number takes an integer', obj({ num: { type: 'number' } }), '{num: 3}', []],
    ['boolean from yes (YAML 1.1: a boolean)', obj({ b: { type: 'string' } }), '{b: yes}', ['type spec.b: Invalid value: "boolean": spec.b in body must be of type string: "boolean"']],
    ['object from a list', obj({ o: { type: 'object' } }), '{o: [1]}', ['type spec.o: Invalid value: "array": spec.o in body must be of type object: "array"']],
    ['null where not nullable', obj({ s: { type: 'string' } }), '{s: null}', ['type spec.s: Invalid value: "null": spec.s in body must be of type string: "null"']],
    ['null where nullable', obj({ s: { type: 'string', nullable: true } }), '{s: null}', []],
    ['int-or-string takes both', obj({ p: { 'x-kubernetes-int-or-string': true } }), '{p: 80}', []],
    ['int-or-string refuses a boolean', obj({ p: { 'x-kubernetes-int-or-string': true } }), '{p: true}', ['type spec.p: Invalid value: "boolean": spec.p in body must be of type integer,string: "boolean"']],
    ['required', obj({ a: { type: 'string' } }, { required: ['a'] }), '{}', ['required spec.a: Required value: "a" must be set']],
    ['enum of strings', obj({ m: { type: 'string', enum: ['A', 'B'] } }), '{m: C}', ['enum spec.m: Unsupported value: "C": supported values: "A", "B"']],
    ['enum of numbers (quoted as JSON)', obj({ m: { type: 'integer', enum: [1, 2] } }), '{m: 3}', ['enum spec.m: Unsupported value: 3: supported values: "1", "2"']],
    ['maximum', obj({ num: { type: 'integer', maximum: 5 } }), '{num: 6}', ['invalid spec.num: Invalid value: 6: spec.num in body should be less than or equal to 5']],
    ['exclusive maximum', obj({ num: { type: 'integer', maximum: 5, exclusiveMaximum: true } }), '{num: 5}', ['invalid spec.num: Invalid value: 5: spec.num in body should be less than 5']],
    ['minimum', obj({ num: { type: 'integer', minimum: 1 } }), '{num: 0}', ['invalid spec.num: Invalid value: 0: spec.num in body should be greater than or equal to 1']],
    ['maxLength counts characters', obj({ s: { type: 'string', maxLength: 2 } }), '{s: "éé"}', []],
    ['maxLength', obj({ s: { type: 'string', maxLength: 2 } }), '{s: abc}', ['too-long spec.s: Too long: may not be longer than 2']],
    ['minLength', obj({ s: { type: 'string', minLength: 2 } }), '{s: a}', ['invalid spec.s: Invalid value: "a": spec.s in body should be at least 2 chars long']],
    ['unknown field', obj({ a: { type: 'string' } }), '{b: x}', ['unknown-field spec.b: unknown field "spec.b"']],
    ['preserve unknown fields', obj({}, { 'x-kubernetes-preserve-unknown-fields': true }), '{b: {c: 1}}', []],
    ['additionalProperties schema', obj({}, { properties: undefined, additionalProperties: { type: 'integer' } }), '{a: 1, b: x}', ['type spec.b: Invalid value: "string": spec.b in body must be of type integer: "string"']],
    ['list items', obj({ l: { type: 'array', items: { type: 'string' } } }), '{l: [a, 2]}', ['type spec.l[1]: Invalid value: "integer": spec.l[1] in body must be of type string: "integer"']],
    ['embedded resource needs apiVersion and kind, allows metadata', obj({ r: { type: 'object', 'x-kubernetes-embedded-resource': true } }), '{r: {metadata: {name: x}}}', ['required spec.r.apiVersion: Required value: "apiVersion" must be set', 'required spec.r.kind: Required value: "kind" must be set']],
    ['a truncated subtree is not judged', obj({ t: { truncated: true } }), '{t: {anything: 1}}', []],
    ['a skipped path is not judged', obj({ template: { type: 'object' } }), '{template: {spec: {}}}', []],
    ['merge keys bring their pairs', obj({ a: { type: 'string' }, b: { type: 'integer' } }), '{<<: {a: x}, b: 1}', []],
    ['a property named __proto__ is only a property', obj({}), '{__proto__: 1}', ['unknown-field spec.__proto__: unknown field "spec.__proto__"']],
  ];
  for (const [name, schema, spec, want] of cases) assert.deepEqual(walk(schema, spec, name.includes('skipped') ? ['spec.template'] : []), want, name);
});

test('the problem ranges: the value for its own problems, the object\'s key for a missing field', () => {
  const text = 'apiVersion: x.example.com/v1\nkind: Thing\nspec:\n  num: "3"\n';
  const d = parseManifests(text).documents[0]!;
  const [type, missing] = checkCustomResource(d.doc, d.root!.node, obj({ spec: obj({ num: { type: 'integer' } }, { required: ['m'] }) }), new Set());
  assert.equal(text.slice(type!.span.start, type!.span.end), '"3"');
  assert.equal(text.slice(missing!.span.start, missing!.span.end), 'spec');
});

function crdText(schema: string, versions = ''): string {
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: things.x.example.com}
spec:
  group: x.example.com
  names: {plural: things, kind: Thing}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema: ${schema}
${versions}`;
}

test('a CRD is read by group and kind, each version with whether it is served and its schema', () => {
  const d = readCrd(parseManifests(crdText('{type: object, properties: {spec: {type: object}}}', '    - {name: v2, served: false, storage: false}\n')).documents[0]!);
  assert.deepEqual(JSON.parse(JSON.stringify(d)), {
    group: 'x.example.com',
    kind: 'Thing',
    versions: [
      { name: 'v1', served: true, schema: { type: 'object', properties: { spec: { type: 'object' } } }, hasStatusSubresource: false },
      { name: 'v2', served: false, hasStatusSubresource: false },
    ],
  });
  // apiextensions.k8s.io/v1beta1 was removed in 1.22: not read.
  assert.equal(readCrd(parseManifests(crdText('{type: object}').replace('apiextensions.k8s.io/v1', 'apiextensions.k8s.io/v1beta1')).documents[0]!), undefined);
});

test('a deep schema is cut at the depth bound: what lies deeper is not judged', () => {
  let schema = '{type: string}';
  for (let i = 0; i < 200; i++) schema = `{type: object, properties: {a: ${schema}}}`;
  const d = readCrd(parseManifests(crdText(schema)).documents[0]!)!;
  let s = d.versions[0]!.schema!;
  let depth = 0;
  while (s.properties?.a) {
    s = s.properties.a;
    depth++;
  }
  assert.equal(depth, MAX_SCHEMA_DEPTH + 1);
  assert.deepEqual(s, { truncated: true });
});

test('a huge schema keeps at most the node budget, and aliases do not multiply it', () => {
  const wide = `{type: object, properties: {${Array.from({ length: 30_000 }, (_, i) => `p${i}: {type: string}`).join(', ')}}}`;
  const count = (s: CrdSchema | undefined): number => (s ? 1 + Object.values(s.properties ?? {}).reduce((n, p) => n + count(p), 0) : 0);
  const big = readCrd(parseManifests(crdText(wide)).documents[0]!)!;
  assert.ok(count(big.versions[0]!.schema) <= MAX_SCHEMA_NODES + 1, 'bounded');
  // Each level names the one below twice: 2^30 nodes if copied naively.
  const anchors = ['l0: &l0 {type: string}', ...Array.from({ length: 30 }, (_, i) => `l${i + 1}: &l${i + 1} {type: object, properties: {a: *l${i}, b: *l${i}}}`)].join(', ');
  const started = Date.now();
  const bomb = readCrd(parseManifests(crdText(`{type: object, properties: {${anchors}}}`)).documents[0]!);
  assert.ok(bomb === undefined || count(bomb.versions[0]!.schema) <= MAX_SCHEMA_NODES + 1, 'bounded');
  assert.ok(Date.now() - started < 5_000, `read in ${Date.now() - started} ms`);
});

test('the walk of a custom resource stops at its visit budget', () => {
  const items = Array.from({ length: MAX_VISITS + 10 }, () => '1').join(', ');
  const problems = walk(obj({ l: { type: 'array', items: { type: 'string' } } }), `{l: [${items}]}`);
  assert.ok(problems.length < MAX_VISITS, `${problems.length} problems`);
});

test('the workspace index answers by group and kind, and forgets a CRD whose file is gone', () => {
  const index = new WorkspaceIndex();
  index.update('file:///crd.yaml', crdText('{type: object}'));
  assert.equal(index.customResourceDefinition('x.example.com', 'Thing')?.versions[0]?.name, 'v1');
  assert.equal(index.customResourceDefinition('y.example.com', 'Thing'), undefined);
  const before = index.generation;
  assert.equal(index.update('file:///crd.yaml', crdText('{type: object}').replace('name: v1', 'name: v2')), true);
  assert.ok(index.generation > before, 'a changed CRD makes workspace findings stale');
  assert.equal(index.customResourceDefinition('x.example.com', 'Thing')?.versions[0]?.name, 'v2');
  index.remove('file:///crd.yaml');
  assert.equal(index.customResourceDefinition('x.example.com', 'Thing'), undefined);
});

test('the rule: silent without the CRD, once per object with several pod templates, no Required value in a Kustomize patch', () => {
  const index = new WorkspaceIndex();
  index.update('file:///crd.yaml', crdText('{type: object, properties: {spec: {type: object, required: [size], properties: {size: {type: integer}, workerGroupSpecs: {type: array, items: {type: object, x-kubernetes-preserve-unknown-fields: true}}}}}}').replace(/x\.example\.com/g, 'ray.io').replace('kind: Thing', 'kind: RayCluster'));
  const text = `apiVersion: ray.io/v1
kind: RayCluster
metadata: {name: r}
spec:
  headGroupSpec: {}
  workerGroupSpecs:
    - template: {spec: {containers: [{name: a, image: nginx:1.27}]}}
    - template: {spec: {containers: [{name: b, image: nginx:1.27}]}}
`;
  const messages = (options: Parameters<typeof analyze>[1]) =>
    analyze(parseManifests(text), { ...options, rules: { 'image-not-pinned': 'off' } }).findings.filter((f) => f.rule === 'custom-resource-schema').map((f) => `${f.severity} ${f.path}: ${f.message}`);
  assert.deepEqual(messages({}), [], 'no workspace');
  assert.deepEqual(messages({ workspace: index }), [
    'error spec.size: Required value: "size" must be set. The API server rejects the object.',
    'error spec.headGroupSpec: strict decoding error: unknown field "spec.headGroupSpec". The API server rejects the object (fieldValidation=Strict, kubectl\'s default).',
  ]);
  assert.deepEqual(messages({ workspace: index, fieldValidation: 'Warn' }), [
    'error spec.size: Required value: "size" must be set. The API server rejects the object.',
    'warning spec.headGroupSpec: unknown field "spec.headGroupSpec". The API server drops the field (fieldValidation=Warn).',
  ]);
  const patch = { patchOf: ['kustomization.yaml'], vars: [], images: [], patchBases: [], patchTargets: [] } as unknown as KustomizeFacts;
  assert.deepEqual(messages({ workspace: index, kustomize: patch }), [
    'error spec.headGroupSpec: strict decoding error: unknown field "spec.headGroupSpec". The API server rejects the object (fieldValidation=Strict, kubectl\'s default).',
  ]);
  assert.deepEqual(messages({ workspace: index, fieldValidation: 'Ignore', kustomize: patch }), []);
});

test('an item of a List is checked on its own; its finding\'s path says where it is', () => {
  const index = new WorkspaceIndex();
  index.update('file:///crd.yaml', crdText('{type: object, properties: {spec: {type: object, properties: {size: {type: integer}}}}}'));
  const text = 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: x.example.com/v1\n    kind: Thing\n    spec: {size: big}\n  - apiVersion: x.example.com/v9\n    kind: Thing\n';
  const findings = analyze(parseManifests(text), { workspace: index }).findings.filter((f) => f.rule === 'custom-resource-schema');
  assert.deepEqual(
    findings.map((f) => [f.path, text.slice(f.span.start, f.span.end), f.message]),
    [
      ['items[0].spec.size', 'big', 'Invalid value: "string": spec.size in body must be of type integer: "string". The API server rejects the object.'],
      ['items[1].apiVersion', 'x.example.com/v9', 'no matches for kind "Thing" in version "x.example.com/v9": the CustomResourceDefinition serves v1. kubectl refuses the object.'],
    ],
  );
});
