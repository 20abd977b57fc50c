/** The server's document under incremental edits: after any sequence of edits it answers like a freshly opened copy. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SyncedTextDocument } from '../../server/src/lsp/text-document';

/** Everything a feature asks a document, compared with a fresh one: text, line count, every offset and every position. */
function assertSameAsFresh(doc: SyncedTextDocument, text: string): void {
  const fresh = TextDocument.create('file:///f.yaml', 'yaml', 1, text);
  assert.equal(doc.getText(), text);
  assert.equal(doc.lineCount, fresh.lineCount);
  for (let offset = 0; offset <= text.length + 1; offset++) assert.deepEqual(doc.positionAt(offset), fresh.positionAt(offset), `positionAt(${offset}) of ${JSON.stringify(text)}`);
  for (let line = 0; line <= fresh.lineCount; line++) {
    for (const character of [0, 1, 2, 5, 1000]) {
      assert.equal(doc.offsetAt({ line, character }), fresh.offsetAt({ line, character }), `offsetAt(${line}:${character}) of ${JSON.stringify(text)}`);
    }
  }
}

/** Applies one edit given as offsets, through LSP positions as an editor sends them; returns the expected text. */
function edit(doc: SyncedTextDocument, text: string, from: number, to: number, insert: string, version: number): string {
  const fresh = TextDocument.create('file:///f.yaml', 'yaml', 1, text);
  const range = { start: fresh.positionAt(from), end: fresh.positionAt(to) };
  doc.update([{ range, text: insert }], version);
  return text.slice(0, fresh.offsetAt(range.start)) + insert + text.slice(fresh.offsetAt(range.end));
}

test('a CR typed before a LF, a LF after a CR, and the text between them deleted keep every line in place', () => {
  const cases: Array<[string, number, number, string, string]> = [
    ['a: 1\nb: 2\nc: 3\n', 4, 4, '\r', 'a: 1\r\nb: 2\nc: 3\n'],
    ['a: 1\rb: 2\nc: 3\n', 5, 5, '\n', 'a: 1\r\nb: 2\nc: 3\n'],
    ['a: 1\rX\nb: 2\n', 5, 6, '', 'a: 1\r\nb: 2\n'],
    ['a: 1\r\nb: 2\n', 4, 6, '', 'a: 1b: 2\n'],
    ['\n\n\n', 0, 0, '\r', '\r\n\n\n'],
    ['a\r', 2, 2, '\n', 'a\r\n'],
  ];
  for (const [before, from, to, insert, after] of cases) {
    const doc = new SyncedTextDocument('file:///f.yaml', 'yaml', 1, before);
    const want = edit(doc, before, from, to, insert, 2);
    assert.equal(want, after);
    assertSameAsFresh(doc, after);
    assert.equal(doc.version, 2);
  }
});

test('the line of a later line stays right after a CR is inserted before a LF (the 1.0.12 package puts it one line off)', () => {
  const text = 'a: 1\nb: 2\nc: 3\n';
  const doc = new SyncedTextDocument('file:///f.yaml', 'yaml', 1, text);
  doc.update([{ range: { start: { line: 0, character: 4 }, end: { line: 0, character: 4 } }, text: '\r' }], 2);
  assert.deepEqual(doc.positionAt(doc.getText().indexOf('c')), { line: 2, character: 0 });
  assert.equal(doc.lineCount, 4);
});

test('random incremental edits (CR/LF joins included) always match a fresh open', () => {
  const piece = fc.constantFrom('\r', '\n', '\r\n', 'a', 'key: v', ' ', '- ', '\u00e9', '\ud83d\ude00', '');
  const editArb = fc.record({ a: fc.nat(), b: fc.nat(), text: fc.array(piece, { maxLength: 4 }).map((p) => p.join('')) });
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), fc.array(editArb, { minLength: 1, maxLength: 25 }), (initial, edits) => {
      const doc = new SyncedTextDocument('file:///f.yaml', 'yaml', 1, initial);
      let text = initial;
      let version = 1;
      for (const e of edits) {
        const from = text.length === 0 ? 0 : e.a % (text.length + 1);
        const to = text.length === 0 ? 0 : e.b % (text.length + 1);
        text = edit(doc, text, Math.min(from, to), Math.max(from, to), e.text, ++version);
        assertSameAsFresh(doc, text);
      }
    }),
    { numRuns: 2000, seed: 17 },
  );
});

test('several changes in one notification apply in order, and a full-text change replaces everything', () => {
  const doc = new SyncedTextDocument('file:///f.yaml', 'yaml', 1, 'a\nb\n');
  doc.update(
    [
      { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, text: '\r' },
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, text: 'x\ry' },
    ],
    2,
  );
  assertSameAsFresh(doc, 'a\r\nx\ry\n');
  doc.update([{ text: 'z\r\n\r\n' }], 3);
  assertSameAsFresh(doc, 'z\r\n\r\n');
});

test('positions a client should not send (negative, fractional, past the end, reversed) stay inside the text', () => {
  const doc = new SyncedTextDocument('file:///f.yaml', 'yaml', 1, 'ab\ncd\n');
  doc.update([{ range: { start: { line: 99, character: 0 }, end: { line: -1, character: Number.NaN } }, text: 'X' }], 2);
  assert.equal(doc.getText(), 'X');
  doc.update([{ range: { start: { line: 0.5, character: 1.7 }, end: { line: 0, character: 1 } }, text: 'Y' }], 3);
  assert.equal(doc.getText(), 'XY');
});
