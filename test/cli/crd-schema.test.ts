/** `pod-lens check <folder>` indexes the folder's CRDs: its custom resources are checked against their schemas. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli } from '../support/cli';

const CASE = join(__dirname, '..', 'fixtures', 'workspace', 'crd');

interface JsonFinding {
  rule: string;
  message: string;
  path?: string;
  range: { start: { line: number; character: number } };
}

test('check over a folder judges custom resources by the CRD it holds; alone, the file is not judged', async () => {
  const r = await runCli(['check', CASE, '--format', 'json']);
  assert.equal(r.status, 1, r.stderr);
  const findings = (JSON.parse(r.stdout).files as Array<{ findings: JsonFinding[] }>).flatMap((f) => f.findings);
  assert.deepEqual(
    findings.map((f) => [f.rule, f.path, f.message]),
    [
      ['custom-resource-schema', 'spec.replicas', 'Invalid value: "string": spec.replicas in body must be of type integer: "string". The API server rejects the object.'],
      ['custom-resource-schema', 'spec.imgae', 'strict decoding error: unknown field "spec.imgae". The API server rejects the object (fieldValidation=Strict, kubectl\'s default).'],
      ['custom-resource-schema', 'apiVersion', 'no matches for kind "CronTab" in version "stable.example.com/v2": the CustomResourceDefinition serves v1. kubectl refuses the object.'],
    ],
  );
  // Without its CRD, a custom resource's own fields have no schema: nothing is said.
  const alone = await runCli(['check', join(CASE, 'crontabs.yaml'), '--format', 'json']);
  assert.equal(alone.status, 0, alone.stderr);
  assert.deepEqual(JSON.parse(alone.stdout).files[0].findings, []);
});
