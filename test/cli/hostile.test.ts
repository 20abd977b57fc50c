/** The built CLI on pathological files (JSON output stays small and valid) and with files in either order. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { aliases, duplicatePorts, longImages } from '../../bench/pathological';

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-cli-hostile-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

test('check --format json on 2,000 duplicate ports, 2,000 aliases and a 1 MB image x 1,000: at most 201 findings a file', async () => {
  const dir = tempDir({ 'ports.yaml': duplicatePorts(), 'aliases.yaml': aliases(), 'images.yaml': longImages() });
  const r = await runCli(['check', dir, '--format', 'json', '--fail-on', 'never']);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.stdout.length < 1_000_000, `${r.stdout.length} characters of JSON`);
  const report = JSON.parse(r.stdout) as { files: Array<{ path: string; findings: Array<{ rule: string; message: string }> }> };
  assert.deepEqual(report.files.map((f) => f.path.slice(dir.length + 1)), ['aliases.yaml', 'images.yaml', 'ports.yaml']);
  for (const file of report.files) {
    assert.equal(file.findings.length, 201, file.path);
    assert.equal(file.findings.filter((f) => f.rule === 'findings-truncated').length, 1, file.path);
    assert.ok(file.findings.every((f) => f.message.length < 1000), file.path);
  }
});

test('two ConfigMaps of one name: the same answer whichever file is listed first', async () => {
  const dir = tempDir({
    'a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  x: "1"\n',
    'b.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  k: "1"\n',
    'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      env:\n        - name: V\n          valueFrom: {configMapKeyRef: {name: cm, key: k}}\n',
  });
  const [a, b, pod] = [join(dir, 'a.yaml'), join(dir, 'b.yaml'), join(dir, 'pod.yaml')] as const;
  const forward = await runCli(['check', a, b, pod, '--format', 'json']);
  const backward = await runCli(['check', b, a, pod, '--format', 'json']);
  const podFindings = (out: string) => (JSON.parse(out) as { files: Array<{ path: string; findings: Array<{ message: string }> }> }).files.find((f) => f.path === pod)!.findings.map((f) => f.message);
  assert.deepEqual(podFindings(forward.stdout), [`ConfigMap "cm" is defined 2 times in namespace default (${a}, ${b}) and only 1 of them has key "k": the cluster keeps whichever is applied last.`]);
  assert.deepEqual(podFindings(backward.stdout), podFindings(forward.stdout));
});
