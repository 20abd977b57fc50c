/** Kustomizations read into a typed structure, and what they make of each file: patches, vars; hostile input bounded. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifests } from '../../server/src/analysis/model/manifest';
import { MAX_ENTRIES_PER_LIST, isKustomizationFileName, readKustomization, type Kustomization } from '../../server/src/analysis/kustomize/kustomization';
import { kustomizeCoverage, normalizePlace } from '../../server/src/analysis/kustomize/coverage';
import { isWithin, resolvePlace } from '../../server/src/analysis/kustomize/places';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { analyze } from '../../server/src/analysis/analyze';
import { applyImageRule, applyImageRules, splitImage } from '../../server/src/analysis/kustomize/images';

const OVERLAY = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: prod
namePrefix: prod-
nameSuffix: -v2
resources:
  - ../../base
  - https://github.com/example/repo//deploy?ref=v1
bases:
  - ../legacy
components:
  - ../../components/tls
patches:
  - path: resources.yaml
  - patch: |-
      - op: replace
        path: /spec/replicas
        value: 3
    target:
      kind: Deployment
      name: web
patchesStrategicMerge:
  - pull-policy.yaml
  - |-
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
patchesJson6902:
  - path: replicas.json
    target:
      group: apps
      version: v1
      kind: Deployment
      name: web
images:
  - name: registry.example.com/web
    newTag: 1.1
  - name: nginx
    newName: mirror.example.com/nginx
    digest: sha256:0000000000000000000000000000000000000000000000000000000000000000
replicas:
  - name: web
    count: 3
commonLabels:
  app: web
labels:
  - pairs:
      team: a
vars:
  - name: WEB_SERVICE
    objref: {apiVersion: v1, kind: Service, name: web}
replacements:
  - source: {kind: Service, name: web}
    targets: []
`;

test('a kustomization is read field by field as kustomize types it', () => {
  const k = readKustomization(parseManifests(OVERLAY))!;
  const { patches, images, vars, ...rest } = k;
  assert.deepEqual(rest, {
    offset: 0,
    kind: 'Kustomization',
    resources: ['../../base', 'https://github.com/example/repo//deploy?ref=v1', '../legacy'],
    components: ['../../components/tls'],
    replicas: [{ name: 'web', count: 3 }],
    namespace: 'prod',
    namePrefix: 'prod-',
    nameSuffix: '-v2',
    labels: { app: 'web', team: 'a' },
    selectorLabels: { app: 'web' },
    replacements: 1,
    // An entry without targets does nothing in kustomize (it fails the build): not kept as a rule to apply.
    replacementRules: [],
  });
  const text = (span: { start: number; end: number }) => OVERLAY.slice(span.start, span.end);
  assert.deepEqual(
    patches.map((p) => [p.field, p.path ?? null, p.inline === undefined ? null : p.inline.split('\n')[0], p.target ?? null, text(p.span).split('\n')[0]]),
    [
      ['patches', 'resources.yaml', null, null, 'resources.yaml'],
      ['patches', null, '- op: replace', { kind: 'Deployment', name: 'web' }, '|-'],
      ['patchesJson6902', 'replicas.json', null, { group: 'apps', version: 'v1', kind: 'Deployment', name: 'web' }, 'replicas.json'],
      ['patchesStrategicMerge', 'pull-policy.yaml', null, null, 'pull-policy.yaml'],
      ['patchesStrategicMerge', null, 'apiVersion: apps/v1', null, '|-'],
    ],
  );
  // A tag written as a number (1.1) is the string kustomize reads; spans point at each written field.
  assert.deepEqual(
    images.map((i) => ({ name: i.name, newName: i.newName, newTag: i.newTag, digest: i.digest, fields: Object.fromEntries(Object.entries(i.fields).map(([f, s]) => [f, text(s)])) })),
    [
      { name: 'registry.example.com/web', newName: undefined, newTag: '1.1', digest: undefined, fields: { name: 'registry.example.com/web', newTag: '1.1' } },
      {
        name: 'nginx',
        newName: 'mirror.example.com/nginx',
        newTag: undefined,
        digest: 'sha256:0000000000000000000000000000000000000000000000000000000000000000',
        fields: { name: 'nginx', newName: 'mirror.example.com/nginx', digest: 'sha256:0000000000000000000000000000000000000000000000000000000000000000' },
      },
    ],
  );
  assert.deepEqual(vars.map((v) => [v.name, text(v.span)]), [['WEB_SERVICE', 'WEB_SERVICE']]);
});

test('only the names kustomize recognizes are kustomizations; other documents are not read as one', () => {
  for (const [name, want] of [
    ['file:///w/kustomization.yaml', true],
    ['w/kustomization.yml', true],
    ['C:\\w\\Kustomization', true],
    ['w/kustomization.yaml.bak', false],
    ['w/Kustomization.yaml', false],
    ['w/my-kustomization.yaml', false],
  ] as const) {
    assert.equal(isKustomizationFileName(name), want, name);
  }
  assert.equal(readKustomization(parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n')), undefined);
  assert.equal(readKustomization(parseManifests('- a\n- b\n')), undefined);
  // Wrong shapes are left out, not guessed: a string where a list belongs, an image without a name.
  const odd = readKustomization(parseManifests('resources: deployment.yaml\nimages:\n  - newTag: "2"\npatches:\n  - target: {kind: Deployment}\nvars: [{objref: {}}]\n'))!;
  assert.deepEqual([odd.resources, odd.images, odd.patches, odd.vars], [[], [], [], []]);
});

test('places resolve as filepath.Join does, for URIs and relative CLI paths alike', () => {
  for (const [folder, ref, want] of [
    ['file:///w/overlays/prod', '../../base', 'file:///w/base'],
    ['file:///w/overlays/prod', './patch.yaml', 'file:///w/overlays/prod/patch.yaml'],
    ['file:///w', '../../../../etc/passwd', 'file:///etc/passwd'],
    ['overlays/prod', '../../base', 'base'],
    ['overlays', '../../base', '../base'],
    ['.', 'base/', 'base'],
    ['/w/a', '/abs/b.yaml', '/abs/b.yaml'],
  ] as const) {
    assert.equal(resolvePlace(folder, ref), want, `${folder} + ${ref}`);
  }
  assert.equal(normalizePlace('file:///w/my%20app/./x.yaml'), 'file:///w/my app/x.yaml');
  for (const [folder, place, want] of [
    ['file:///w/o', 'file:///w/o/p.yaml', true],
    ['file:///w/o', 'file:///w/o/sub/p.yaml', true],
    ['file:///w/o', 'file:///w/other/p.yaml', false],
    ['file:///w/o', 'file:///w/o-evil/p.yaml', false],
    ['.', 'p.yaml', true],
    ['.', '../p.yaml', false],
    ['overlays', 'overlays/p.yaml', true],
  ] as const) {
    assert.equal(isWithin(folder, place), want, `${place} in ${folder}`);
  }
});

function kustomizations(files: Record<string, string>): Map<string, Kustomization> {
  return new Map(Object.entries(files).map(([place, text]) => [place, readKustomization(parseManifests(text))!]));
}

test('coverage: patch files of an overlay are patches; vars of a base reach the files its overlays build', () => {
  const facts = kustomizeCoverage(
    kustomizations({
      'file:///w/base/kustomization.yaml': 'resources: [deployment.yaml, service.yaml]\nvars: [{name: WEB, objref: {kind: Service, name: web}}]\n',
      'file:///w/overlays/prod/kustomization.yaml': 'resources: [../../base]\npatches: [{path: resources.yaml}]\npatchesStrategicMerge: [pull-policy.yaml]\nvars: [{name: PROD, objref: {kind: Service, name: web}}]\n',
    }),
  );
  assert.deepEqual(Object.fromEntries(facts), {
    'file:///w/base/deployment.yaml': { patchOf: [], vars: ['PROD', 'WEB'], images: [], patchBases: [], patchTargets: [], patchOrder: [] },
    'file:///w/base/service.yaml': { patchOf: [], vars: ['PROD', 'WEB'], images: [], patchBases: [], patchTargets: [], patchOrder: [] },
    'file:///w/overlays/prod/resources.yaml': { patchOf: ['file:///w/overlays/prod/kustomization.yaml'], vars: ['PROD', 'WEB'], images: [], patchBases: ['file:///w/base/deployment.yaml', 'file:///w/base/service.yaml'], patchTargets: [], patchOrder: ['file:///w/overlays/prod/resources.yaml', 'file:///w/overlays/prod/pull-policy.yaml'] },
    'file:///w/overlays/prod/pull-policy.yaml': { patchOf: ['file:///w/overlays/prod/kustomization.yaml'], vars: ['PROD', 'WEB'], images: [], patchBases: ['file:///w/base/deployment.yaml', 'file:///w/base/service.yaml'], patchTargets: [], patchOrder: ['file:///w/overlays/prod/resources.yaml', 'file:///w/overlays/prod/pull-policy.yaml'] },
  });
});

test('coverage of hostile kustomizations ends: cycles, self references, paths outside the workspace, huge lists', () => {
  const huge = `resources:\n${Array.from({ length: MAX_ENTRIES_PER_LIST + 500 }, (_, i) => `  - f${i}.yaml`).join('\n')}\n`;
  const read = readKustomization(parseManifests(huge))!;
  assert.equal(read.resources.length, MAX_ENTRIES_PER_LIST);
  const facts = kustomizeCoverage(
    kustomizations({
      'file:///w/a/kustomization.yaml': 'resources: [../b, ., a.yaml]\npatches: [{path: ../../../../etc/shadow}]\n',
      'file:///w/b/kustomization.yaml': 'resources: [../a]\nvars: [{name: B, objref: {kind: Service, name: b}}]\n',
      'file:///w/big/kustomization.yaml': huge,
    }),
  );
  assert.deepEqual(facts.get('file:///w/a/a.yaml'), { patchOf: [], vars: ['B'], images: [], patchBases: [], patchTargets: [], patchOrder: [] });
  // A file outside the kustomization's folder is refused by kustomize's load restrictor: it is no patch or resource.
  assert.equal(facts.get('file:///etc/shadow'), undefined);
  assert.equal([...facts.keys()].filter((k) => k.startsWith('file:///w/big/')).length, MAX_ENTRIES_PER_LIST);
});

const D1 = 'sha256:1111111111111111111111111111111111111111111111111111111111111111';
const D2 = 'sha256:2222222222222222222222222222222222222222222222222222222222222222';

test('image.go Split: the tag colon is searched after the host (ports), a digest after @', () => {
  for (const [image, want] of [
    ['nginx', { name: 'nginx', tag: '', digest: '' }],
    ['nginx:1.27', { name: 'nginx', tag: '1.27', digest: '' }],
    ['host:5000/team/app', { name: 'host:5000/team/app', tag: '', digest: '' }],
    ['host:5000/team/app:2', { name: 'host:5000/team/app', tag: '2', digest: '' }],
    [`nginx@${D1}`, { name: 'nginx', tag: '', digest: D1 }],
    [`nginx:1.27@${D1}`, { name: 'nginx', tag: '1.27', digest: D1 }],
    [`host:5000/app:1@${D1}`, { name: 'host:5000/app', tag: '1', digest: D1 }],
  ] as const) {
    assert.deepEqual(splitImage(image), want, image);
  }
});

test('updater.go SetImageValue: which images an entry matches, and what it makes of them', () => {
  for (const [image, rule, want] of [
    ['nginx', { name: 'nginx', newTag: '1.27' }, 'nginx:1.27'],
    ['nginx:1.25', { name: 'nginx', newTag: '1.27' }, 'nginx:1.27'],
    [`nginx:1.25@${D1}`, { name: 'nginx', newTag: '1.27' }, 'nginx:1.27'],
    ['nginx:1.25', { name: 'nginx', digest: D2 }, `nginx@${D2}`],
    ['nginx:1.25', { name: 'nginx', newTag: '1.27', digest: D2 }, `nginx:1.27@${D2}`],
    ['nginx:1.25', { name: 'nginx', newName: 'mirror.example.com/nginx' }, 'mirror.example.com/nginx:1.25'],
    [`nginx@${D1}`, { name: 'nginx', newName: 'mirror/nginx' }, `mirror/nginx@${D1}`],
    // Not the same name: a longer repository, another registry's image, or a name that only starts the same.
    ['nginx-exporter:1', { name: 'nginx', newTag: '2' }, undefined],
    ['docker.io/nginx:1', { name: 'nginx', newTag: '2' }, undefined],
    ['library/nginx', { name: 'nginx', newTag: '2' }, undefined],
    ['nginx:1 ', { name: 'nginx', newTag: '2' }, undefined],
  ] as const) {
    assert.equal(applyImageRule(image, rule), want, `${image} with ${JSON.stringify(rule)}`);
  }
  // Entries run one after another: a rename then a rule for the new name both apply.
  assert.equal(applyImageRules('app:1', [{ name: 'app', newName: 'registry.example.com/app' }, { name: 'registry.example.com/app', newTag: '2' }]), 'registry.example.com/app:2');
});

test('coverage: images entries of the base and of each overlay that builds a file, innermost first', () => {
  const facts = kustomizeCoverage(
    kustomizations({
      'file:///w/base/kustomization.yaml': 'resources: [deployment.yaml]\nimages: [{name: app, newName: registry.example.com/app}]\n',
      'file:///w/overlays/prod/kustomization.yaml': 'resources: [../../base]\npatches: [{path: patch.yaml}]\nimages: [{name: registry.example.com/app, newTag: "2"}]\n',
      'file:///w/overlays/dev/kustomization.yaml': 'resources: [../../base]\n',
    }),
  );
  assert.deepEqual(facts.get('file:///w/base/deployment.yaml')!.images, [
    { kustomization: 'file:///w/base/kustomization.yaml', rules: [{ name: 'app', newName: 'registry.example.com/app' }] },
    { kustomization: 'file:///w/overlays/dev/kustomization.yaml', rules: [{ name: 'app', newName: 'registry.example.com/app' }] },
    { kustomization: 'file:///w/overlays/prod/kustomization.yaml', rules: [{ name: 'app', newName: 'registry.example.com/app' }, { name: 'registry.example.com/app', newTag: '2' }] },
  ]);
  assert.deepEqual(facts.get('file:///w/overlays/prod/patch.yaml')!.images, [{ kustomization: 'file:///w/overlays/prod/kustomization.yaml', rules: [{ name: 'registry.example.com/app', newTag: '2' }] }]);
});

test('coverage: a patch listed with targets records each (kind and name, selectors), so its merge finds them', () => {
  const facts = kustomizeCoverage(
    kustomizations({
      'file:///w/o/kustomization.yaml': 'resources: [d.yaml]\npatches: [{path: p.yaml, target: {kind: Deployment, name: web}}, {path: p.yaml, target: {labelSelector: app=web}}]\n',
    }),
  );
  assert.deepEqual(facts.get('file:///w/o/p.yaml'), { patchOf: ['file:///w/o/kustomization.yaml'], vars: [], images: [], patchBases: ['file:///w/o/d.yaml'], patchTargets: [{ kind: 'Deployment', name: 'web' }, { labelSelector: 'app=web' }], patchOrder: ['file:///w/o/p.yaml'], orderTargets: { 'file:///w/o/p.yaml': [{ kind: 'Deployment', name: 'web' }, { labelSelector: 'app=web' }] } });
});

test('namespace: the outermost kustomization\'s namespace is the one its objects get; lookups of a file use it', () => {
  const index = new WorkspaceIndex();
  index.update('file:///w/base/kustomization.yaml', 'resources: [deploy.yaml, sa.yaml]\nnamespace: base-ns\n');
  index.update('file:///w/prod/kustomization.yaml', 'resources: [../base, secret.yaml]\nnamespace: prod\n');
  index.update('file:///w/prod/secret.yaml', 'apiVersion: v1\nkind: Secret\nmetadata: {name: regcred}\ntype: kubernetes.io/dockerconfigjson\n');
  index.update('file:///w/base/sa.yaml', 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: builder, namespace: written}\n');
  index.update('file:///w/other/secret.yaml', 'apiVersion: v1\nkind: Secret\nmetadata: {name: regcred}\n');
  index.update('file:///w/other/rc.yaml', 'apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata: {name: gvisor}\nhandler: runsc\n');
  assert.equal(index.kustomizeFacts('file:///w/base/deploy.yaml')?.namespace, 'prod');
  const view = index.viewFor('file:///w/base/deploy.yaml');
  // The Deployment and the overlay's Secret are both in prod once built; the Secret outside any kustomization is in default.
  assert.deepEqual(view.find('Secret', 'regcred', undefined).map((o) => o.uri), ['file:///w/prod/secret.yaml']);
  // A namespace written in the file is overridden by kustomize's.
  assert.deepEqual(view.find('ServiceAccount', 'builder', 'written').map((o) => o.uri), ['file:///w/base/sa.yaml']);
  assert.deepEqual(index.find('Secret', 'regcred', undefined).map((o) => o.uri), ['file:///w/other/secret.yaml']);
  assert.deepEqual(view.find('RuntimeClass', 'gvisor', undefined).map((o) => o.uri), ['file:///w/other/rc.yaml']);
});

test('commonLabels create the selector of the workloads a deployed build makes: no "spec.selector: Required value" there', () => {
  const deploy = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    metadata: {labels: {tier: web}}\n    spec:\n      containers: [{name: app, image: "web:1"}]\n';
  const required = (index: WorkspaceIndex) =>
    analyze(parseManifests(deploy), { workspace: index, kustomize: index.kustomizeFacts('file:///w/base/deploy.yaml') }).findings.filter((f) => f.rule === 'field-required').map((f) => f.message);
  const withLabels = new WorkspaceIndex();
  withLabels.update('file:///w/base/kustomization.yaml', 'resources: [deploy.yaml]\n');
  withLabels.update('file:///w/prod/kustomization.yaml', 'resources: [../base]\nlabels:\n  - pairs: {app: web}\n    includeSelectors: true\n');
  assert.deepEqual(required(withLabels), []);
  // Labels without includeSelectors leave selectors alone: the Deployment still needs one.
  const plain = new WorkspaceIndex();
  plain.update('file:///w/base/kustomization.yaml', 'resources: [deploy.yaml]\n');
  plain.update('file:///w/prod/kustomization.yaml', 'resources: [../base]\nlabels:\n  - pairs: {app: web}\n');
  assert.deepEqual(required(plain), ['Required value: "selector" must be set. The API server rejects the object.']);
});

test('replacements are read as api/types/replacement.go types them: source, targets with select, reject, fieldPaths and options', () => {
  const k = readKustomization(
    parseManifests(`replacements:
  - source: {kind: ConfigMap, name: settings, fieldPath: data.image, options: {delimiter: ':', index: 1}}
    targets:
      - select: {group: apps, kind: Deployment}
        reject: [{name: legacy}]
        fieldPaths:
          - spec.template.spec.containers.[name=app].image
        options: {delimiter: ':', index: -1, create: true}
  - path: replacements.yaml
`),
  )!;
  assert.deepEqual(k.replacementRules, [
    {
      source: { kind: 'ConfigMap', name: 'settings', fieldPath: 'data.image', options: { delimiter: ':', index: 1, create: false } },
      targets: [{ select: { group: 'apps', kind: 'Deployment' }, reject: [{ name: 'legacy' }], fieldPaths: ['spec.template.spec.containers.[name=app].image'], options: { delimiter: ':', index: -1, create: true } }],
    },
  ]);
});
