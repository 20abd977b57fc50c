/** The silence quick fixes through the server: offered after the repairs, and the diagnostic gone once applied. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { withServer } from '../support/lsp-client';

const TEXT = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:latest\n';

for (const [title, expected] of [
  ['Silence image-tag-mutable on this line', TEXT.replace('      image: nginx', '      # pod-lens-ignore image-tag-mutable\n      image: nginx')],
  ['Silence image-tag-mutable in this file', `# pod-lens-ignore-file image-tag-mutable\n${TEXT}`],
] as const) {
  test(`"${title}" writes the ignore comment and the diagnostic goes`, async () => {
    await withServer({}, async (client) => {
      const uri = `file:///work/silence-${title.endsWith('line') ? 'line' : 'file'}.yaml`;
      const before = await client.open(uri, TEXT);
      assert.ok(before.some((d) => d.code === 'image-tag-mutable'));
      const actions = await client.codeActions(uri, client.positionOf(uri, 'latest', 1));
      // Repairs first, then the two ways to silence.
      assert.deepEqual(actions.filter((a) => a.kind === 'quickfix').map((a) => a.title), ['Pin to digest', 'Silence image-tag-mutable on this line', 'Silence image-tag-mutable in this file']);
      const action = actions.find((a) => a.title === title)!;
      assert.equal(action.diagnostics?.[0]?.code, 'image-tag-mutable');
      const edits = action.edit?.changes?.[uri] as TextEdit[];
      const after = await client.change(uri, edits);
      assert.equal(client.text(uri), expected);
      assert.deepEqual(after.filter((d) => d.code === 'image-tag-mutable'), []);
    });
  });
}
