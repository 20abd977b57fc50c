/** --namespace/-n for check and inspect: objects without a namespace are where `kubectl apply -n` would put them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli } from '../support/cli';

const CASE = join(__dirname, '..', 'fixtures', 'workspace', 'default-namespace');
const POD = join(CASE, 'pod.yaml');
const SERVICE_ACCOUNT = join(CASE, 'service-account.yaml');

test('check: the Pod without a namespace is in default, so prod\'s ServiceAccount is not found; with -n prod it is', async () => {
  const plain = await runCli(['check', CASE, '--format', 'text']);
  assert.equal(plain.status, 0, plain.stderr);
  assert.equal(
    plain.stdout,
    `${POD}:7:23: information reference-not-found ServiceAccount "builder" is not defined in namespace default in this workspace.\n2 file(s): 0 error(s), 0 warning(s), 1 information\n`,
  );
  for (const flag of [['-n', 'prod'], ['--namespace', 'prod'], ['--namespace=prod']]) {
    const r = await runCli(['check', CASE, ...flag]);
    assert.deepEqual(r, { status: 0, stdout: '2 file(s): 0 error(s), 0 warning(s), 0 information\n', stderr: '' }, flag.join(' '));
  }
  // Another namespace is named in the message.
  const staging = await runCli(['check', POD, SERVICE_ACCOUNT, '-n', 'staging']);
  assert.equal(staging.stdout.split('\n')[0], `${POD}:7:23: information reference-not-found ServiceAccount "builder" is not defined in namespace staging in this workspace.`);
});

test('inspect -n prod: the Pod gets the pull secrets of prod\'s ServiceAccount', async () => {
  const pullSecrets = async (args: string[]) => {
    const report = JSON.parse((await runCli(['inspect', CASE, ...args])).stdout) as { files: Array<{ workloads: Array<{ name: string; imagePullSecrets: string[] }> }> };
    return report.files.flatMap((f) => f.workloads).find((w) => w.name === 'build')!.imagePullSecrets;
  };
  assert.deepEqual(await pullSecrets([]), []);
  assert.deepEqual(await pullSecrets(['-n', 'prod']), ['regcred']);
});

test('a namespace the API server would refuse: a one-line usage error, exit 2, before anything is read', async () => {
  const usage = (command: string, got: string) =>
    `pod-lens: --namespace must be a namespace name: a lowercase RFC 1123 label of at most 63 characters, such as prod (got ${got})\nrun 'pod-lens ${command} --help' for its options\n`;
  const cases: Array<[string[], string]> = [
    [['check', CASE, '-n', 'Prod'], usage('check', '"Prod"')],
    [['check', CASE, '--namespace=my_ns'], usage('check', '"my_ns"')],
    [['inspect', CASE, '-n', 'a'.repeat(64)], usage('inspect', `"${'a'.repeat(64)}"`)],
    [['check', CASE, '--namespace='], usage('check', '""')],
    [['check', CASE, '--namespace'], "pod-lens: --namespace needs a value\nrun 'pod-lens check --help' for its options\n"],
  ];
  for (const [args, stderr] of cases) assert.deepEqual(await runCli(args), { status: 2, stdout: '', stderr }, args.join(' '));
  // 63 characters is a valid namespace.
  assert.equal((await runCli(['check', CASE, '-n', 'a'.repeat(63)])).status, 0);
  // A flag of check and inspect only.
  assert.deepEqual(await runCli(['convert', POD, '-n', 'prod']), { status: 2, stdout: '', stderr: "pod-lens: unknown option --namespace\nrun 'pod-lens convert --help' for its options\n" });
});
