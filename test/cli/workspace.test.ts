/** The CLI indexes the paths it is given, so references resolve across files as in the editor. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli } from '../support/cli';

const CASE = join(__dirname, '..', 'fixtures', 'workspace', 'pull-secrets');

test('check over a folder resolves pull secrets and service accounts across its files', async () => {
  const r = await runCli(['check', CASE, '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const findings = JSON.parse(r.stdout).files.flatMap((f: { findings: Array<{ rule: string; message: string }> }) => f.findings);
  const rules = findings.map((f: { rule: string }) => f.rule).sort();
  assert.deepEqual(rules, ['image-pull-secret-not-found', 'reference-not-found']);
  // Checked alone, the Deployment's file knows no Secrets and stays quiet about them.
  const alone = await runCli(['check', join(CASE, 'deploy.yaml'), '--format', 'json']);
  assert.deepEqual(JSON.parse(alone.stdout).files[0].findings, []);
});

test('inspect lists the pull secrets a Pod will use, its service account\'s included', async () => {
  const report = JSON.parse((await runCli(['inspect', CASE])).stdout);
  const app = report.files.flatMap((f: { workloads: Array<{ name: string }> }) => f.workloads).find((w: { name: string }) => w.name === 'app');
  assert.equal(app.serviceAccount, 'builder');
  assert.deepEqual(app.imagePullSecrets, ['regcred', 'not-here']);
});
