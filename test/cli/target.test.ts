/** The CLI's target: --kubernetes-version and --feature-gates for check and inspect, a file's own pin, and their usage errors. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../support/cli';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: modern
spec:
  hostnameOverride: worker-0
  containers:
    - name: app
      image: nginx:1.27
      restartPolicy: Never
`;

const rules = (stdout: string) => (JSON.parse(stdout) as { files: Array<{ findings: Array<{ rule: string; severity: string }> }> }).files[0]!.findings.map((f) => `${f.severity} ${f.rule}`);

test('check: the newest release by default; --kubernetes-version checks against another', async () => {
  const newest = await runCli(['check', '-', '--format', 'json'], { input: POD });
  assert.deepEqual([newest.status, rules(newest.stdout)], [0, []]);
  const old = await runCli(['check', '-', '--format', 'json', '--kubernetes-version', '1.33'], { input: POD });
  assert.deepEqual([old.status, rules(old.stdout)], [1, ['error field-unknown', 'error container-restart-policy']]);
  // v-prefixed and patch versions name the same minor, in --flag=value form too.
  const patch = await runCli(['check', '-', '--format', 'json', '--kubernetes-version=v1.33.4'], { input: POD });
  assert.deepEqual(rules(patch.stdout), rules(old.stdout));
});

test('check: --feature-gates turns gates on and off against the release defaults', async () => {
  const defaults = await runCli(['check', '-', '--format', 'json', '--kubernetes-version', '1.34', '--fail-on', 'warning'], { input: POD });
  assert.deepEqual([defaults.status, rules(defaults.stdout)], [1, ['warning field-dropped-by-feature-gate', 'warning field-dropped-by-feature-gate']]);
  const on = await runCli(['check', '-', '--format', 'json', '--kubernetes-version', '1.34', '--feature-gates', 'HostnameOverride=true,ContainerRestartRules=true', '--fail-on', 'warning'], { input: POD });
  assert.deepEqual([on.status, rules(on.stdout)], [0, []]);
  const off = await runCli(['check', '-', '--format', 'json', '--feature-gates', 'HostnameOverride=false'], { input: POD });
  assert.deepEqual(rules(off.stdout), ['warning field-dropped-by-feature-gate']);
});

test("a file's own pin wins over --kubernetes-version; inspect says which release and where it comes from", async () => {
  const pinned = `# pod-lens: kubernetes-version=1.33\n${POD}`;
  const checked = await runCli(['check', '-', '--format', 'json', '--kubernetes-version', '1.36'], { input: pinned });
  assert.deepEqual(rules(checked.stdout), ['error field-unknown', 'error container-restart-policy']);

  const json = JSON.parse((await runCli(['inspect', '-', '--kubernetes-version', '1.30', '--feature-gates', 'ImageVolume=true'], { input: POD })).stdout);
  assert.deepEqual(json.files[0].kubernetes, { version: '1.30', featureGates: { ImageVolume: true }, source: 'settings' });
  const fromFile = JSON.parse((await runCli(['inspect', '-'], { input: pinned })).stdout);
  assert.deepEqual(fromFile.files[0].kubernetes, { version: '1.33', featureGates: {}, source: 'file' });
  assert.equal((await runCli(['inspect', '-', '--format', 'text'], { input: pinned })).stdout.split('\n')[0], '-: Kubernetes 1.33 (pinned by the file)');
  assert.equal((await runCli(['inspect', '-', '--format', 'text', '--feature-gates', 'ImageVolume=true'], { input: POD })).stdout.split('\n')[0], '-: Kubernetes 1.36, ImageVolume=true');
});

test('bad target values: a one-line usage error, exit 2, naming what is accepted', async () => {
  const minors = '1.28, 1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35, 1.36';
  const cases: Array<[string[], string | RegExp]> = [
    [['check', '-', '--kubernetes-version', '1.12'], `pod-lens: --kubernetes-version must be one of: ${minors} (got "1.12")\n`],
    [['inspect', '-', '--kubernetes-version=latest'], `pod-lens: --kubernetes-version must be one of: ${minors} (got "latest")\n`],
    [['check', '-', '--feature-gates', 'ImageVolume=yes'], 'pod-lens: --feature-gates: "ImageVolume=yes" is not Name=true or Name=false\n'],
    [['check', '-', '--feature-gates', 'NoSuchGate=true'], /^pod-lens: --feature-gates: unknown gate NoSuchGate; Pod Lens knows ContainerRestartRules, .*, UserNamespacesSupport\n/],
  ];
  for (const [args, want] of cases) {
    const r = await runCli(args, { input: POD });
    assert.equal(r.status, 2, args.join(' '));
    assert.equal(r.stdout, '');
    // The error in one line, then where to look (the command's own --help).
    const hint = `run 'pod-lens ${args[0]} --help' for its options\n`;
    if (typeof want === 'string') assert.equal(r.stderr, want + hint);
    else {
      assert.match(r.stderr, want);
      assert.ok(r.stderr.endsWith(hint), r.stderr);
    }
  }
  // A flag of check and inspect only.
  assert.equal((await runCli(['convert', '-', '--kubernetes-version', '1.33'], { input: POD })).status, 2);
});
