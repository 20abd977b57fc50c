/**
 * One publication per document version, analysis generation and settings: the open, the end of the workspace scan
 * and online checks may all ask for the same version, and a repeated publication would reach a client after a newer
 * one (the flaky "next diagnostics" wait of issue 12).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticsScheduler } from '../../server/src/lsp/diagnostics';
import { DocumentCache } from '../../server/src/lsp/document-cache';
import { DEFAULT_SETTINGS, analysisOptions } from '../../server/src/settings/settings';
import type { Runtime } from '../../server/src/runtime';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: web\n';

function setup() {
  const sent: PublishDiagnosticsParams[] = [];
  const connection = { sendDiagnostics: async (p: PublishDiagnosticsParams) => void sent.push(p) } as unknown as Connection;
  const logger = { info: () => undefined, error: () => undefined, warn: () => undefined };
  const runtime = { logger, setTimeout: () => 0, clearTimeout: () => undefined, version: 'test' } as unknown as Runtime;
  let generation = 0;
  let doc = TextDocument.create('file:///w/pod.yaml', 'yaml', 1, POD);
  const scheduler = new DiagnosticsScheduler({
    connection,
    runtime,
    cache: new DocumentCache(() => generation, () => 1_000_000),
    options: () => analysisOptions(DEFAULT_SETTINGS),
    getDocument: () => doc,
    generation: () => generation,
  });
  return {
    sent,
    scheduler,
    doc: () => doc,
    edit: () => (doc = TextDocument.update(doc, [{ text: POD + '#\n' }], doc.version + 1)),
    bumpGeneration: () => generation++,
  };
}

test('the same version is published once, however often it is asked for', () => {
  const s = setup();
  s.scheduler.publish(s.doc());
  s.scheduler.publish(s.doc());
  s.scheduler.publish(s.doc());
  assert.deepEqual(s.sent.map((p) => p.version), [1]);
  assert.deepEqual(s.sent[0]!.diagnostics.map((d) => d.code), ['container-image-required']);
});

test('a new version, a new generation, new settings and a reopen after close each publish again', () => {
  const s = setup();
  s.scheduler.publish(s.doc());
  s.edit();
  s.scheduler.publish(s.doc());
  s.bumpGeneration();
  s.scheduler.publish(s.doc());
  s.scheduler.settingsChanged();
  s.scheduler.publish(s.doc());
  s.scheduler.publish(s.doc());
  s.scheduler.clear(s.doc().uri);
  s.scheduler.publish(s.doc());
  assert.deepEqual(
    s.sent.map((p) => `${p.version ?? 'clear'}`),
    ['1', '2', '2', '2', 'clear', '2'],
  );
});
