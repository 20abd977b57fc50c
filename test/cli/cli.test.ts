/** The CLI (main in process): exit codes, text/JSON/SARIF shapes, stdin, usage errors, and the corpus through inspect. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseManifests, workloadsOf } from '../../server/src/analysis/model/manifest';
import { runCli } from '../support/cli';
import { CORPUS, yamlFiles } from '../support/corpus';

// A ReplicationController, whose selector defaulting copies the template's labels: only the missing image is reported (an apps/v1
// Deployment would also need spec.selector).
const NO_IMAGE = 'apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n';
const CLEAN = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n';

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

test('check: text lines are path:line:col: severity rule message, exit 1 on an error', async () => {
  const dir = tempDir({ 'bad.yaml': NO_IMAGE });
  const r = await runCli(['check', join(dir, 'bad.yaml')]);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, new RegExp(`^${join(dir, 'bad.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:9:11: error container-image-required `, 'm'));
});

test('check: JSON shape with 0-based ranges and field paths', async () => {
  const dir = tempDir({ 'a.yaml': NO_IMAGE, 'b.yml': CLEAN, 'ignored.txt': NO_IMAGE });
  const r = await runCli(['check', dir, '--format', 'json']);
  assert.equal(r.status, 1);
  const report = JSON.parse(r.stdout);
  assert.equal(report.summary.files, 2);
  assert.equal(report.summary.errors, 1);
  const [a, b] = report.files;
  assert.ok(a.path.endsWith('a.yaml') && b.path.endsWith('b.yml'));
  assert.deepEqual(b.findings, []);
  assert.deepEqual(a.findings[0], {
    rule: 'container-image-required',
    severity: 'error',
    message: a.findings[0].message,
    path: 'spec.template.spec.containers[0].image',
    range: { start: { line: 8, character: 10 }, end: { line: 8, character: 19 } },
  });
});

test('check: --fail-on never and warning; stdin with -', async () => {
  assert.equal((await runCli(['check', '-', '--fail-on', 'never'], { input: NO_IMAGE })).status, 0);
  assert.equal((await runCli(['check', '-'], { input: CLEAN })).status, 0);
  const dup = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n    name: b\n';
  assert.equal((await runCli(['check', '-'], { input: dup })).status, 0);
  assert.equal((await runCli(['check', '-', '--fail-on=warning'], { input: dup })).status, 1);
});

test('check: SARIF 2.1.0 with the rule table and 1-based regions', async () => {
  const r = await runCli(['check', '-', '--format', 'sarif'], { input: NO_IMAGE });
  const sarif = JSON.parse(r.stdout);
  assert.equal(sarif.version, '2.1.0');
  const run = sarif.runs[0];
  assert.equal(run.tool.driver.name, 'pod-lens');
  const ruleIds = run.tool.driver.rules.map((x: { id: string }) => x.id);
  assert.ok(ruleIds.includes('container-image-required'));
  for (const rule of run.tool.driver.rules) {
    assert.ok(rule.shortDescription.text && rule.helpUri.endsWith(`${rule.id}.md`));
  }
  const [result] = run.results;
  assert.equal(result.ruleId, 'container-image-required');
  assert.equal(result.level, 'error');
  assert.ok(ruleIds.includes(result.ruleId));
  assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 9, startColumn: 11, endLine: 9, endColumn: 20 });
  assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, '-');
});

test('usage errors exit 2 with a message', async () => {
  for (const args of [[], ['nope'], ['check', '--format', 'xml'], ['check', '/no/such/path'], ['check', '--bogus']]) {
    const r = await runCli(args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
  }
  assert.match((await runCli(['check', '/no/such/path'])).stderr, /no such file or folder/);
});

test('inspect: JSON shape for each pod spec', async () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: ns\nspec:\n  initContainers:\n  - name: s\n    image: a:1\n    restartPolicy: Always\n  containers:\n  - name: app\n    image: b:1\n';
  const report = JSON.parse((await runCli(['inspect', '-'], { input: text })).stdout);
  const [w] = report.files[0].workloads;
  assert.equal(w.document, 0);
  assert.equal(w.kind, 'Pod');
  assert.equal(w.name, 'p');
  assert.equal(w.namespace, 'ns');
  assert.equal(w.podSpecPath, 'spec');
  assert.deepEqual(
    w.containers.map((c: { name: string; type: string; path: string }) => [c.name, c.type, c.path]),
    [['s', 'sidecar', 'spec.initContainers[0]'], ['app', 'app', 'spec.containers[0]']],
  );
});

test('check and inspect over the corpus: no crash, every file and pod spec, JSON parses', async () => {
  const inspect = await runCli(['inspect', CORPUS]);
  assert.equal(inspect.status, 0, inspect.stderr);
  const report = JSON.parse(inspect.stdout);
  // Every file, and in each the pod specs the model finds in it.
  const files = yamlFiles(CORPUS);
  assert.deepEqual(report.files.map((f: { path: string }) => f.path), files);
  assert.deepEqual(
    report.files.map((f: { workloads: unknown[] }) => f.workloads.length),
    files.map((f) => workloadsOf(parseManifests(readFileSync(f, 'utf8'))).length),
  );
  // Every image of the corpus is reported with its parts; only the two placeholders (see the corpus README) are invalid.
  const invalid: string[] = [];
  for (const file of report.files) {
    for (const w of file.workloads) {
      for (const c of w.containers) {
        if (typeof c.image.raw !== 'string') continue;
        if (!c.image.valid) invalid.push(`${file.path}: ${c.image.raw}`);
        else {
          assert.equal(c.image.fullName, `${c.image.registry}/${c.image.repository}`);
          assert.ok(['Always', 'IfNotPresent', 'Never'].includes(c.imagePullPolicy.value), `${c.image.raw}: ${c.imagePullPolicy.value}`);
        }
      }
    }
  }
  assert.deepEqual(invalid.map((i) => i.replace(/^.*kubernetes-examples\//, '')).sort(), ['_archived/nodesjs-mongodb/web-controller.yaml: <YOUR-CONTAINER>', '_archived/volumes/flexvolume/deploy/ds.yaml: <image_url>']);
  const check = await runCli(['check', CORPUS, '--format', 'json', '--fail-on', 'never']);
  assert.equal(check.status, 0, check.stderr);
  assert.equal(check.stderr, '');
  assert.equal(JSON.parse(check.stdout).summary.files, files.length);
});

test('inspect: per document, the schema error count and the catalog used', async () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  - n\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    image: b:1\n    imagePulPolicy: Always\n    ports:\n    - containerPort: "80"\n';
  const report = JSON.parse((await runCli(['inspect', '-'], { input: text })).stdout);
  assert.deepEqual(report.files[0].documents, [
    { document: 0, apiVersion: 'v1', kind: 'ConfigMap', name: 'c', schemaErrors: 1, byKind: { type: 1 }, catalog: 'Kubernetes 1.28–1.36' },
    { document: 1, apiVersion: 'v1', kind: 'Pod', name: 'p', schemaErrors: 2, byKind: { 'unknown-field': 1, type: 1 }, catalog: 'Kubernetes 1.28–1.36' },
  ]);
  const lines = (await runCli(['inspect', '-', '--format', 'text'], { input: text })).stdout.split('\n');
  assert.ok(lines.includes('- #1: v1 Pod p: 2 schema errors (catalog Kubernetes 1.28–1.36)'), lines.join('\n'));
});
