/** Hostile documents produce bounded findings: one per duplicate, at most 200 per document with a note, short quotes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis/analyze';
import { MAX_FINDINGS_PER_DOCUMENT } from '../../server/src/analysis/findings/finding-limit';
import { parseManifests } from '../../server/src/analysis/model/manifest';
import type { AnalysisOptions } from '../../server/src/analysis/options';
import { RULES } from '../../server/src/analysis/rules/index';
import { excerpt, quote } from '../../server/src/analysis/rules/support/quote';
import { aliases, duplicatePorts, longImages } from '../../bench/pathological';

/** Options with every rule off but these. */
function only(...ids: string[]): AnalysisOptions {
  return { rules: Object.fromEntries(RULES.map((r) => [r.id, ids.includes(r.id) ? r.defaultSeverity : 'off'])) };
}

const files = { duplicatePorts: duplicatePorts(), aliases: aliases(), longImages: longImages() };

test('excerpt and quote keep at most 80 characters of a value, never splitting a surrogate pair', () => {
  assert.equal(excerpt('short'), 'short');
  assert.equal(excerpt('x'.repeat(81)), `${'x'.repeat(80)}…`);
  assert.equal(excerpt(`${'x'.repeat(79)}😀`), `${'x'.repeat(79)}…`);
  assert.equal(quote('a"b'), '"a\\"b"');
  assert.equal(quote(80), '80');
  assert.equal(quote({ a: 1 }), 'a map');
  assert.equal(quote([1]), 'a list');
});

test('three containers on one port: one finding per later container, each naming the first', () => {
  const text = ['apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', ...['a', 'b', 'c'].map((n) => `    - {name: ${n}, image: nginx:1.27, ports: [{containerPort: 80}]}`), ''].join('\n');
  const { findings } = analyze(parseManifests(text), only('port-duplicate'));
  assert.deepEqual(
    findings.map((f) => f.message),
    ['b', 'c'].map((n) => `Port 80/TCP of container "${n}" is already declared by container "a" (spec.containers[0].ports[0]): containers of a Pod share one network namespace, so only one of them can bind it; the API server warns: duplicate port definition with spec.containers[0].ports[0]`),
  );
});

test('2,000 containers sharing port 80: 200 findings and one note saying 1,799 were left out', () => {
  const text = files.duplicatePorts;
  const { findings } = analyze(parseManifests(text), only('port-duplicate'));
  assert.equal(findings.length, MAX_FINDINGS_PER_DOCUMENT + 1);
  assert.equal(findings.filter((f) => f.rule === 'port-duplicate').length, 200);
  assert.ok(findings.filter((f) => f.rule === 'port-duplicate').every((f) => f.message.endsWith(' with spec.containers[0].ports[0]')));
  const note = findings.find((f) => f.rule === 'findings-truncated');
  assert.deepEqual(note, {
    rule: 'findings-truncated',
    severity: 'information',
    message: 'Pod Lens shows the first 200 findings of this document; 1799 more are left out. Fix these first, or turn noisy rules off in podLens.rules.',
    span: { start: 0, end: 0 },
  });
});

test('2,000 aliases of one container: the findings of all rules stay capped at 200 and a note', () => {
  const { findings } = analyze(parseManifests(files.aliases));
  assert.equal(findings.length, MAX_FINDINGS_PER_DOCUMENT + 1);
  const note = findings.find((f) => f.rule === 'findings-truncated');
  assert.match(note?.message ?? '', /^Pod Lens shows the first 200 findings of this document; \d+ more are left out\./);
  // port-duplicate and container-name-duplicate each report one finding per copy, not one per pair.
  assert.ok(Number(/; (\d+) more/.exec(note!.message)![1]) < 2 * 2000 * 10);
});

test('a 1 MB image reused 1,000 times: every message quotes 80 characters of it', () => {
  const { findings } = analyze(parseManifests(files.longImages), only('image-reference-invalid'));
  assert.equal(findings.length, MAX_FINDINGS_PER_DOCUMENT + 1);
  assert.equal(
    findings.find((f) => f.rule === 'image-reference-invalid')!.message,
    `couldn't parse image name "${'a'.repeat(80)}…": repository name must not be more than 255 characters. The API server accepts this, but the kubelet cannot parse it: the container waits with reason InvalidImageName and never starts.`,
  );
  assert.ok(findings.every((f) => f.message.length < 400));
});

test('every rule over every pathological file: no message longer than 1,000 characters', () => {
  for (const [name, text] of Object.entries({ duplicatePorts: files.duplicatePorts, aliases: files.aliases, longImages: files.longImages })) {
    const { findings, failures } = analyze(parseManifests(text));
    assert.deepEqual(failures, [], name);
    assert.ok(findings.every((f) => f.message.length <= 1001), name);
  }
});

test('a 1 MB imagePullPolicy: quoted in 80 characters, and no "did you mean" for a value that long', () => {
  const text = `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n      imagePullPolicy: ${'Always'.repeat(200_000)}\n`;
  const { findings } = analyze(parseManifests(text), only('image-pull-policy-invalid'));
  assert.deepEqual(
    findings.map((f) => f.message),
    [`Unsupported value: "${'Always'.repeat(13)}Al…": supported values: "Always", "IfNotPresent", "Never". The API server rejects the object.`],
  );
});
