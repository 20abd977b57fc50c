/** The CLI's positions (LineIndex.positionOf) are the editor's (an LSP text document's positionAt), offset for offset. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../server/src/analysis/model/line-index';

const TEXTS = ['', 'a', 'a\nb', 'a\r\nb\r\n', 'a\rb\r', '\n\n\r\n\r\r\n', 'image: "😀"\r\nname: x', 'x\n'];

test('every offset of line-break-heavy texts, and offsets past both ends, land where a text document puts them', () => {
  for (const text of TEXTS) {
    const doc = TextDocument.create('file:///t.yaml', 'yaml', 0, text);
    const lines = new LineIndex(text);
    for (let offset = -2; offset <= text.length + 2; offset++) {
      assert.deepEqual(lines.positionOf(offset), doc.positionAt(offset), `${JSON.stringify(text)} @ ${offset}`);
    }
  }
});
