/** Pin to digest on a kustomization's `images:` entry: which entries offer it, and the whole text after the edit. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifests } from '../../server/src/analysis/model/manifest';
import { digestFieldText, kustomizeImagePinsAt } from '../../server/src/analysis/kustomize/pin-entry';

const D = 'sha256:3333333333333333333333333333333333333333333333333333333333333333';

/** Offers at `needle` and the text after applying the first with digest D. */
function pinAt(text: string, needle: string): { image: string; after: string } | undefined {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  const [fix] = kustomizeImagePinsAt(parseManifests(text), { start: at, end: at });
  if (!fix?.deferred?.into) return undefined;
  const { span, quote, into, image } = fix.deferred;
  assert.equal(text.slice(span.start, span.end), into.before, 'the edit replaces exactly the text it checks');
  return { image, after: text.slice(0, span.start) + digestFieldText(into, quote, D) + text.slice(span.end) };
}

test('an entry without digest gets one after its last field, at its keys\' indentation; comments stay', () => {
  const text = `kind: Kustomization
images:
  - name: registry.example.com/web
    newTag: "1.1"   # release
  - name: nginx
    newName: mirror.example.com/nginx
    newTag: 1.27
resources: [deployment.yaml]
`;
  assert.deepEqual(pinAt(text, 'registry.example.com/web'), {
    image: 'registry.example.com/web:1.1',
    after: text.replace('newTag: "1.1"   # release', `newTag: "1.1"   # release\n    digest: ${D}`),
  });
  assert.deepEqual(pinAt(text, 'mirror.example.com'), { image: 'mirror.example.com/nginx:1.27', after: text.replace('newTag: 1.27\n', `newTag: 1.27\n    digest: ${D}\n`) });
});

test('a written digest is replaced in its own quotes; a flow entry gets `, digest:`; CR LF files keep CR LF', () => {
  const old = 'sha256:0000000000000000000000000000000000000000000000000000000000000000';
  const quoted = `images:\n- name: app\n  newTag: v2\n  digest: '${old}'\n`;
  assert.deepEqual(pinAt(quoted, 'name: app'), { image: 'app:v2', after: quoted.replace(old, D) });
  const flow = 'images: [{name: app, newTag: v2}]\n';
  assert.deepEqual(pinAt(flow, 'app'), { image: 'app:v2', after: `images: [{name: app, newTag: v2, digest: ${D}}]\n` });
  const crlf = 'images:\r\n  - name: app\r\n    newTag: v2\r\n';
  assert.deepEqual(pinAt(crlf, 'app'), { image: 'app:v2', after: `images:\r\n  - name: app\r\n    newTag: v2\r\n    digest: ${D}\r\n` });
});

test('no pin where the entry names no tag to resolve, or where the cursor is elsewhere; only digests are written', () => {
  const text = 'images:\n  - name: app\n    newName: other\nnamespace: prod\n';
  assert.equal(pinAt(text, 'app'), undefined);
  assert.deepEqual(kustomizeImagePinsAt(parseManifests('images:\n  - name: app\n    newTag: v2\nnamespace: prod\n'), { start: 40, end: 44 }), []);
  assert.throws(() => digestFieldText({ kind: 'kustomize-digest', before: 'v2', prefix: 'v2\n  digest: ' }, '', 'sha256:abc\nprivileged: true'), /is not a digest/);
});
