/** Pod specs inside custom resources: the path language, the table by API group, and podLens.podTemplates' reading. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis/analyze';
import { completionsAt } from '../../server/src/analysis/completion/index';
import { parseManifests, workloadsOf } from '../../server/src/analysis/model/manifest';
import { readPodTemplates } from '../../server/src/analysis/model/pod-templates-setting';
import { parseTemplatePath } from '../../server/src/analysis/model/template-paths';

test('template paths: names, globs and [*]; anything else is refused with the reason', () => {
  const cases: Array<[unknown, string]> = [
    ['spec.template', 'spec template'],
    ['spec.workerGroupSpecs[*].template', 'spec workerGroupSpecs[*] template'],
    ['spec.*ReplicaSpecs[*].template', 'spec *ReplicaSpecs[*] template'],
    ['spec..template', 'error: "" is not a field name (letters, digits, _, -, a * glob, then optionally [*])'],
    ['spec.containers[0]', 'error: "containers[0]" is not a field name (letters, digits, _, -, a * glob, then optionally [*])'],
    ['', 'error: a path must be a non-empty string'],
    [42, 'error: a path must be a non-empty string'],
    ['a'.repeat(257), 'error: a path has at most 256 characters'],
    [Array.from({ length: 17 }, () => 'a').join('.'), 'error: a path has at most 16 segments'],
  ];
  for (const [input, want] of cases) {
    const got = parseTemplatePath(input);
    assert.equal(got.ok ? got.segments.map((s) => `${s.name}${s.isEach ? '[*]' : ''}`).join(' ') : `error: ${got.reason}`, want, String(input));
  }
});

/** A minimal object of a kind with a pod template at each of `paths` (written as YAML by hand below). */
const CASES: Array<[string, string, string[]]> = [
  [
    'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: x:1}]\n',
    'Rollout',
    ['spec.template.spec'],
  ],
  [
    'apiVersion: serving.knative.dev/v1\nkind: Service\nspec:\n  template:\n    spec:\n      containers: [{image: x:1}]\n',
    'Service',
    ['spec.template.spec'],
  ],
  [
    'apiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nspec:\n  replicatedJobs:\n    - name: workers\n      template:\n        spec:\n          template:\n            spec:\n              containers: [{name: a, image: x:1}]\n    - name: driver\n      template: {spec: {template: {spec: {containers: [{name: d, image: x:1}]}}}}\n',
    'JobSet',
    ['spec.replicatedJobs[0].template.spec.template.spec', 'spec.replicatedJobs[1].template.spec.template.spec'],
  ],
  [
    'apiVersion: leaderworkerset.x-k8s.io/v1\nkind: LeaderWorkerSet\nspec:\n  leaderWorkerTemplate:\n    leaderTemplate: {spec: {containers: [{name: l, image: x:1}]}}\n    workerTemplate: {spec: {containers: [{name: w, image: x:1}]}}\n',
    'LeaderWorkerSet',
    ['spec.leaderWorkerTemplate.leaderTemplate.spec', 'spec.leaderWorkerTemplate.workerTemplate.spec'],
  ],
  [
    'apiVersion: keda.sh/v1alpha1\nkind: ScaledJob\nspec:\n  jobTargetRef:\n    template:\n      spec:\n        containers: [{name: a, image: x:1}]\n',
    'ScaledJob',
    ['spec.jobTargetRef.template.spec'],
  ],
  [
    'apiVersion: apps.kruise.io/v1beta1\nkind: StatefulSet\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: x:1}]\n',
    'StatefulSet',
    ['spec.template.spec'],
  ],
  [
    'apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nspec:\n  runPolicy: {}\n  pytorchReplicaSpecs:\n    Master: {template: {spec: {containers: [{name: a, image: x:1}]}}}\n    Worker: {template: {spec: {containers: [{name: a, image: x:1}]}}}\n',
    'PyTorchJob',
    ['spec.pytorchReplicaSpecs[Master].template.spec', 'spec.pytorchReplicaSpecs[Worker].template.spec'],
  ],
  [
    'apiVersion: ray.io/v1\nkind: RayJob\nspec:\n  rayClusterSpec:\n    headGroupSpec: {template: {spec: {containers: [{name: a, image: x:1}]}}}\n    workerGroupSpecs:\n      - template: {spec: {containers: [{name: a, image: x:1}]}}\n  submitterPodTemplate: {spec: {containers: [{name: a, image: x:1}]}}\n',
    'RayJob',
    ['spec.rayClusterSpec.headGroupSpec.template.spec', 'spec.rayClusterSpec.workerGroupSpecs[0].template.spec', 'spec.submitterPodTemplate.spec'],
  ],
  [
    'apiVersion: ray.io/v1\nkind: RayService\nspec:\n  rayClusterConfig:\n    headGroupSpec: {template: {spec: {containers: [{name: a, image: x:1}]}}}\n',
    'RayService',
    ['spec.rayClusterConfig.headGroupSpec.template.spec'],
  ],
  [
    'apiVersion: argoproj.io/v1alpha1\nkind: CronWorkflow\nspec:\n  workflowSpec:\n    templates:\n      - {name: a, steps: []}\n      - {name: b, container: {image: x:1}, sidecars: [{name: s, image: y:1}]}\n',
    'CronWorkflow',
    ['spec.workflowSpec.templates[1]'],
  ],
  ['apiVersion: tekton.dev/v1beta1\nkind: Task\nspec:\n  steps: [{image: x:1}, {image: y:1}]\n', 'Task', ['spec']],
  // Another group's kinds of these names are not these custom resources, nor are built-in kinds' names.
  ['apiVersion: example.com/v1\nkind: Rollout\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: x:1}]\n', 'Rollout', []],
  ['apiVersion: example.com/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: x:1}]\n', 'Deployment', []],
];

test('the table finds each custom resource pod spec by API group, at its real field path', () => {
  for (const [text, kind, paths] of CASES) {
    const found = workloadsOf(parseManifests(text));
    assert.deepEqual(found.map((f) => [f.workload.kind.kind, f.workload.podSpec.path]), paths.map((p) => [kind, p]), text);
  }
});

test('a Workflow template is a container-only view: its containers, init first, with their own paths', () => {
  const [text] = CASES.find(([, kind]) => kind === 'CronWorkflow')!;
  const [found] = workloadsOf(parseManifests(text));
  assert.deepEqual(found!.workload.podSpec.all.map((c) => [c.type, c.path]), [
    ['app', 'spec.workflowSpec.templates[1].container'],
    ['app', 'spec.workflowSpec.templates[1].sidecars[0]'],
  ]);
});

test('many worker groups are bounded: at most 64 pod specs per object', () => {
  const groups = Array.from({ length: 200 }, () => '    - template: {spec: {containers: [{name: a, image: x:1}]}}').join('\n');
  const text = `apiVersion: ray.io/v1\nkind: RayCluster\nspec:\n  workerGroupSpecs:\n${groups}\n`;
  assert.equal(workloadsOf(parseManifests(text)).length, 64);
  // A map of 5,000 replica types is read in one pass (a key-by-key lookup would be quadratic), and cut at 64 too.
  const roles = Array.from({ length: 5_000 }, (_, i) => `    R${i}: {template: {spec: {containers: [{name: a, image: x:1}]}}}`).join('\n');
  const job = `apiVersion: kubeflow.org/v1\nkind: TFJob\nspec:\n  tfReplicaSpecs:\n${roles}\n`;
  const found = workloadsOf(parseManifests(job));
  assert.deepEqual([found.length, found[63]?.workload.podSpec.path], [64, 'spec.tfReplicaSpecs[R63].template.spec']);
});

test('podLens.podTemplates: declared kinds come first and are read defensively', () => {
  const cases: Array<[unknown, string[], string[]]> = [
    [undefined, [], []],
    ['spec.template', [], ['podLens.podTemplates must be a list of {apiVersion, kind, paths}']],
    [[{ apiVersion: 'example.com/v1', kind: 'Widget', paths: ['spec.template'] }], ['example.com Widget spec.template'], []],
    [[null], [], ['podLens.podTemplates[0]: skipped: must be an object {apiVersion, kind, paths}']],
    [[{ apiVersion: 'apps/v1', kind: 'Widget' }], [], ['podLens.podTemplates[0].paths: skipped: must be a non-empty list of paths such as "spec.template"']],
    [[{ apiVersion: 'example.com/v1', kind: 'wid get', paths: ['spec.template'] }], [], ['podLens.podTemplates[0].kind: skipped: must be a kind name, e.g. "Widget"']],
    [
      [{ apiVersion: 'example.com/v1', kind: 'Widget', paths: ['spec.template', 'spec.[x]'] }],
      ['example.com Widget spec.template'],
      ['podLens.podTemplates[0].paths[1]: skipped: "[x]" is not a field name (letters, digits, _, -, a * glob, then optionally [*])'],
    ],
  ];
  for (const [raw, entries, problems] of cases) {
    const got = readPodTemplates(raw);
    assert.deepEqual(got.entries.map((e) => `${e.group} ${e.kinds.join()} ${e.paths.join()}`), entries, JSON.stringify(raw));
    assert.deepEqual(got.problems, problems, JSON.stringify(raw));
  }
  // A declared kind is found where the table has nothing, and a declaration overrides the table's paths.
  const widget = 'apiVersion: example.com/v2\nkind: Widget\nspec:\n  pods:\n    a: {template: {spec: {containers: [{name: a, image: x:1}]}}}\n';
  const declared = readPodTemplates([{ apiVersion: 'example.com/v1', kind: 'Widget', paths: ['spec.pods[*].template'] }, { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', paths: ['spec.other'] }]).entries;
  assert.deepEqual(workloadsOf(parseManifests(widget, undefined, { podTemplates: declared })).map((f) => f.workload.podSpec.path), ['spec.pods[a].template.spec']);
  const [rollout] = CASES[0]!;
  assert.deepEqual(workloadsOf(parseManifests(rollout, undefined, { podTemplates: declared })), []);
});

test('completion inside a custom resource: pod template fields and enum values, nothing for its own fields', () => {
  const at = (source: string) => completionsAt(parseManifests(source.replace('|', '')), source.indexOf('|')).map((i) => i.label);
  const ray = (cursor: string) =>
    `apiVersion: ray.io/v1\nkind: RayCluster\nspec:\n  ${cursor.startsWith('@') ? cursor.slice(1) : ''}\n  workerGroupSpecs:\n    - groupName: a\n      template:\n        spec:\n          containers:\n            - name: w\n              image: x:1\n              ${cursor.startsWith('@') ? '' : cursor}\n`;
  const inContainer = at(ray('|'));
  for (const name of ['readinessProbe', 'workingDir', 'securityContext']) assert.ok(inContainer.includes(name), `${name} in ${inContainer.join(' ')}`);
  assert.deepEqual(at(ray('@|')), [], 'the RayCluster spec itself has no schema here');
  assert.deepEqual(at(ray('terminationMessagePolicy: |')).sort(), ['FallbackToLogsOnError', 'File']);
});

test('a custom resource inside a kind: List: its template is checked at items[i]… like a lone one', () => {
  const text = `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: argoproj.io/v1alpha1\n    kind: Rollout\n    spec:\n      template:\n        spec:\n          containers:\n            - name: a\n              image: x:1\n              imagePulPolicy: Always\n`;
  const findings = analyze(parseManifests(text)).findings.map((f) => [f.rule, f.path]);
  assert.deepEqual(findings, [['field-unknown', 'items[0].spec.template.spec.containers[0].imagePulPolicy']]);
});
