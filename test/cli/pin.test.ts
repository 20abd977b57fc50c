/** `pod-lens pin` and `pod-lens resolve` against Debian's docker-registry on 127.0.0.1. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pushImage, type PushedImage } from '../support/push-image';
import { startRegistry, type Registry } from '../support/registry-server';
import { runCli } from '../support/cli';

let registry: Registry;
let app: PushedImage;

before(async () => {
  registry = await startRegistry();
  app = await pushImage({ base: registry.base }, 'team/app', '2.1', 'oci-index');
});
after(async () => registry.stop());

test('resolve prints the digest; a missing tag exits 1 with the reason', async () => {
  const ok = await runCli(['resolve', `${registry.host}/team/app:2.1`]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(ok.stdout.trim(), app.digest);
  const arm = await runCli(['resolve', `${registry.host}/team/app:2.1`, '--platform', 'linux/arm64']);
  assert.equal(arm.stdout.trim(), app.platforms['linux/arm64']);
  const missing = await runCli(['resolve', `${registry.host}/team/app:0.0`]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /tag 0.0 not found/);
  assert.equal((await runCli(['resolve'])).status, 2);
});

test('pin rewrites files in place, --dry-run prints a diff, re-pinning is a no-op, failures exit 1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-pin-'));
  const file = join(dir, 'pod.yaml');
  const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app # the app\n      image: ${registry.host}/team/app:2.1  # pinned by CI\n`;
  writeFileSync(file, text);
  const dry = await runCli(['pin', dir, '--dry-run']);
  assert.equal(dry.status, 0, dry.stderr);
  assert.match(dry.stdout, new RegExp(`^\\+      image: ${registry.host.replace(/\./g, '\\.')}/team/app:2\\.1@${app.digest}  # pinned by CI$`, 'm'));
  assert.equal(readFileSync(file, 'utf8'), text, 'dry run leaves the file');
  const pinned = await runCli(['pin', file]);
  assert.equal(pinned.status, 0, pinned.stderr);
  const after = readFileSync(file, 'utf8');
  assert.equal(after, text.replace(`team/app:2.1`, `team/app:2.1@${app.digest}`));
  assert.equal((await runCli(['pin', file])).status, 0);
  assert.equal(readFileSync(file, 'utf8'), after, 're-pinning a pinned manifest changes nothing');
  const noTag = join(dir, 'notag.yaml');
  writeFileSync(noTag, text);
  await runCli(['pin', noTag, '--no-keep-tag']);
  assert.match(readFileSync(noTag, 'utf8'), new RegExp(`team/app@${app.digest}`));
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, text.replace('2.1', '404'));
  const failed = await runCli(['pin', bad]);
  assert.equal(failed.status, 1);
  assert.match(failed.stderr, /tag 404 not found/);
  assert.equal(readFileSync(bad, 'utf8'), text.replace('2.1', '404'), 'a failed lookup leaves the file as it was');
});

test('pin rewrites an image volume\'s reference too (the kubelet pulls it like a container image), keeping its quotes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-pin-volume-'));
  const file = join(dir, 'pod.yaml');
  const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: ${registry.host}/team/app:2.1@${app.digest}\n      volumeMounts:\n        - {name: model, mountPath: /model}\n  volumes:\n    - name: model\n      image:\n        reference: "${registry.host}/team/app:2.1" # the model\n        pullPolicy: IfNotPresent\n`;
  writeFileSync(file, text);
  const r = await runCli(['pin', file]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(file, 'utf8'), text.replace(`"${registry.host}/team/app:2.1"`, `"${registry.host}/team/app:2.1@${app.digest}"`));
  assert.match(r.stderr, /^pinned 1 image in /m);
});
