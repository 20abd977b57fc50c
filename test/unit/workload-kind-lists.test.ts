/**
 * Which objects carry pod specs is said once, by the server's model (`analysis/model/workload-kinds.ts`, custom
 * resources and podLens.podTemplates besides): the client asks the server (podLens/startupPlan), and the edges that
 * index or sync the workspace go through the model. A copy of the list elsewhere misses custom resources and goes out
 * of date, so none may name the built-in workload kinds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { WORKLOAD_KINDS } from '../../server/src/analysis/model/workload-kinds';

const ROOT = join(__dirname, '..', '..');

/** Folders whose code has no business knowing kinds by name. */
const KIND_FREE = ['client/src', 'protocol', 'server/src/lsp', 'server/src/workspace', 'server/src/fs'];

function sources(dir: string): string[] {
  return (readdirSync(join(ROOT, dir), { recursive: true }) as string[]).filter((p) => p.endsWith('.ts')).map((p) => join(ROOT, dir, p));
}

/** A kind named in code: quoted (`'Deployment'`), or an alternative of a regex (`Pod|Deployment`). */
function namedKinds(code: string): string[] {
  const names = WORKLOAD_KINDS.map((k) => k.kind).join('|');
  const quoted = new RegExp(`['"\`](${names})['"\`]`, 'g');
  const alternative = new RegExp(`(?<=[|(])(${names})(?=[|)])`, 'g');
  return [...code.matchAll(quoted), ...code.matchAll(alternative)].map((m) => m[1]!);
}

test('the client, the protocol and the server edges keep no copy of the built-in workload kinds', () => {
  const copies = KIND_FREE.flatMap(sources).flatMap((file) => namedKinds(readFileSync(file, 'utf8')).map((kind) => `${relative(ROOT, file)}: ${kind}`));
  assert.deepEqual(copies, []);
});

test('the check finds a copied list in either form', () => {
  assert.deepEqual(namedKinds("const KINDS = ['Pod', \"Deployment\"];\nconst RE = /^kind:\\s*(Pod|StatefulSet|CronJob)$/;"), ['Pod', 'Deployment', 'Pod', 'StatefulSet', 'CronJob']);
});
