/**
 * The editor tests, in code-server (the real VS Code workbench and extension host) driven by Chromium:
 * the extension-host suite (runner B) and the browser test of the installed VSIX, which also takes the README's
 * screenshots (test-results/screenshots; `npm run screenshots` copies them to docs/images). A real registry on 127.0.0.1 serves the image the pin tests pin.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { freePort } from '../support/free-port';
import { pushImage } from '../support/push-image';
import { startRegistry, type Registry } from '../support/registry-server';
import { buildSuite, editorPaths, ROOT, workspaceCopy, type EditorPaths } from './prepare';
import { runBrowser } from './run-browser';
import { runExtensionHostSuite } from './run-extension-host';

let registry: Registry;
let editor: EditorPaths;
let pin: { image: string; digest: string };

before(async () => {
  editor = await editorPaths();
  registry = await startRegistry();
  const pushed = await pushImage({ base: registry.base }, 'e2e/app', '1.0', 'oci-index');
  pin = { image: `${registry.host}/e2e/app:1.0`, digest: pushed.digest };
});
after(async () => registry?.stop());

test('extension-host suite in code-server', async () => {
  const suite = await buildSuite();
  const run = await runExtensionHostSuite(editor, workspaceCopy(pin), suite);
  const summary = run.log.filter((l) => /ok - |extension-host suite/.test(l)).join('\n');
  console.log(summary);
  assert.equal(run.code, 0, run.log.join('\n'));
  assert.match(summary, /10 passed, 0 failed/);
});

test('browser: the installed VSIX as a person sees it, with screenshots', async () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const vsix = join(ROOT, `pod-lens-${pkg.version}.vsix`);
  assert.ok(existsSync(vsix), 'npm run package builds the VSIX first');
  const shots = mkdtempSync(join(tmpdir(), 'pod-lens-shots-'));
  // A loopback port nothing listens on: the pin fails at once with "connection refused".
  const unreachableHost = `127.0.0.1:${await freePort()}`;
  const unreachable = `${unreachableHost}/unreachable/app:1.0`;
  const workspace = workspaceCopy(pin);
  writeFileSync(join(workspace, 'pin-unreachable.yaml'), `apiVersion: v1\nkind: Pod\nmetadata:\n  name: unreachable\nspec:\n  containers:\n    - name: app\n      image: ${unreachable}\n`);
  const result = await runBrowser(editor, vsix, workspace, pin.image, shots, unreachable);
  assert.match(result.problems, /image-tag-mutable/);
  assert.match(result.problems, /container-image-required/);
  assert.match(result.hover, /imagePullPolicy: Always/);
  assert.match(result.lens, /Startup: init-myservice → logshipper \(sidecar, keeps running\) → web \+ broken/);
  assert.ok(result.previewOpened);
  assert.ok(result.pinnedLine.includes(`${pin.image}@${pin.digest}`), result.pinnedLine);
  // The light bulb offers "pin all" beside "Pin to digest"; a failed pin says why and what to try next.
  assert.match(result.bulbActions, /Pin all images in this file to digests/);
  assert.ok(
    result.pinFailure.includes(`Pod Lens could not pin ${unreachable}: cannot reach ${unreachableHost}: ECONNREFUSED. Check the network connection and proxy (http.proxy or HTTPS_PROXY), or set podLens.registry.mirrors to a registry mirror you can reach.`),
    result.pinFailure,
  );
  assert.doesNotMatch(result.notifications, /Request codeAction\/resolve failed/);
  // Every run keeps its pictures in the ignored test-results/ folder; `npm run screenshots` alone refreshes the
  // README's (docs/images), so a test run never changes tracked files.
  const folders = [join(ROOT, 'test-results', 'screenshots')];
  if (process.env.POD_LENS_UPDATE_SCREENSHOTS === '1') folders.push(join(ROOT, 'docs', 'images'));
  for (const folder of folders) {
    mkdirSync(folder, { recursive: true });
    for (const file of result.screenshots) copyFileSync(file, join(folder, basename(file)));
  }
});
