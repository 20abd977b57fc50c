/** Hostile values in hovers: backticks, images, links and HTML from a manifest stay literal text in the Markdown. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hoverAt } from '../../server/src/analysis/hover/index';
import { mdCode, mdText } from '../../server/src/analysis/hover/markdown';
import { parseManifests } from '../../server/src/analysis/model/manifest';
import { WorkspaceIndex } from '../../server/src/workspace/index';

test('mdCode fences a value with more backticks than it holds, mdText escapes what starts Markdown', () => {
  const cases: Array<[string, string]> = [
    ['nginx:1.27', '`nginx:1.27`'],
    ['a`b', '``a`b``'],
    ['x``y`', '``` x``y` ```'],
    ['`', '`` ` ``'],
    ['line\nbreak', '`line break`'],
  ];
  for (const [value, want] of cases) assert.equal(mdCode(value), want, value);
  assert.equal(mdCode('a|b', true), '`a\\|b`');
  const text: Array<[string, string]> = [
    ['![x](https://evil.example/p.png)', '\\!\\[x\\](https\\://evil.example/p.png)'],
    ['<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)\\>'],
    ['**bold** _it_ ~s~ a|b &amp;', '\\*\\*bold\\*\\* \\_it\\_ \\~s\\~ a\\|b \\&amp;'],
    ['see www.evil.example or me@evil.example', 'see www\\.evil.example or me\\@evil.example'],
    ['plain-name', 'plain-name'],
  ];
  for (const [value, want] of text) assert.equal(mdText(value), want, value);
  assert.equal(mdText('x'.repeat(1000)), `${'x'.repeat(300)}…`);
});

const HOSTILE = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: p',
  'spec:',
  '  imagePullSecrets:',
  '    - name: "[click](https://evil.example)"',
  '  initContainers:',
  '    - name: "<b>side</b>"',
  '      image: busybox:1.36',
  '      restartPolicy: Always',
  '      startupProbe: {exec: {command: [true]}}',
  '  containers:',
  '    - name: app',
  '      image: "evil`![x](https://evil.example/p.png)`"',
  '      imagePullPolicy: "<img src=x onerror=alert(1)>"',
  '',
].join('\n');

function hoverOn(text: string, needle: string, index?: WorkspaceIndex): string {
  const found = hoverAt(parseManifests(text), text.indexOf(needle) + 1, index ? { workspace: index } : {});
  assert.ok(found, `a hover on ${needle}`);
  return found.markdown;
}

test('an invalid image is not echoed into the hover, so its markdown cannot render', () => {
  // Its diagnostic already quotes it (escaped by the editor as plain text); the hover says what follows from it.
  const md = hoverOn(HOSTILE, 'evil`');
  assert.equal(md.split('\n')[0], '**Not a valid image reference**: the kubelet cannot parse it, so the container waits with `InvalidImageName` and never starts.');
  assert.ok(!md.includes('evil') && !md.includes('![x]'), md);
});

test('an imagePullPolicy value with HTML is escaped in both hovers that show it', () => {
  assert.equal(hoverOn(HOSTILE, 'imagePullPolicy').split('\n')[0], '**imagePullPolicy: \\<img src=x onerror=alert(1)\\>**');
  assert.ok(hoverOn(HOSTILE, 'evil`').includes('**imagePullPolicy: \\<img src=x onerror=alert(1)\\>** — not a pull policy: the API server rejects the object.'));
});

test('container and Secret names from the document are escaped in the sidecar and workspace hovers', () => {
  assert.ok(hoverOn(HOSTILE, 'startupProbe').startsWith('**startupProbe of sidecar \\<b\\>side\\</b\\>**\n'));
  const index = new WorkspaceIndex();
  index.update('file:///ws/secret.yaml', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: other\ntype: Opaque\n');
  // The workspace explanation comes first; the field's API description follows after a rule.
  assert.equal(hoverOn(HOSTILE, '[click]', index)?.split('\n\n---\n\n')[0], '**Secret \\[click\\](https\\://evil.example)** is not in this workspace (namespace default).');
});

test('an unknown key is escaped in the field hover that names it', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      "![x](https://evil.example/x.png)": 1\n';
  assert.equal(
    hoverOn(text, '![x]').split('\n')[0],
    "**\\!\\[x\\](https\\://evil.example/x.png)** is not a field of Container: the API server rejects it under strict field validation (kubectl's default).",
  );
});
