/**
 * The editor analyzes through the findings cache, tests and the CLI without it. The cache keys a document's findings
 * by the document and its options minus the workspace index, and hands document-scoped rules exactly those options.
 * So for every rule of the table, across changes of the index (objects removed, then added back), these must agree:
 *   - the findings through one cache kept across the changes (the editor),
 *   - the findings without a cache (the CLI, the tests),
 *   - the findings when every rule is handed the whole options (what a rule would say if its scope hid nothing).
 * A rule that reads the workspace but forgets `scope: 'workspace'` agrees with itself on the first two (it sees no
 * workspace on either path) and fails the third.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyze, createFindingsCache } from '../../server/src/analysis/analyze';
import { mayDefineIndexedKind } from '../../server/src/analysis/index-objects';
import { parseManifests } from '../../server/src/analysis/model/manifest';
import { RULES } from '../../server/src/analysis/rules/index';
import type { Finding, Rule } from '../../server/src/analysis/rules/types';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { fixtureFiles, fixtureOptionsWith } from '../support/fixture-analysis';

const FIXTURES = join(__dirname, '..', 'fixtures');

/** Every rule handed the whole options, the workspace included, and never cached. */
const SEEING_ALL: Rule[] = RULES.map((rule) => ({ ...rule, scope: 'workspace' }));

interface WorkspaceCase {
  name: string;
  /** Every file of the workspace, by path, with its text: kustomizations and JSON patches too. */
  files: Map<string, string>;
}

/** Each folder under fixtures/workspace is one workspace; a rule fixture that defines indexed objects is its own. */
function workspaceCases(): WorkspaceCase[] {
  const folders = readdirSync(join(FIXTURES, 'workspace')).map((name) => join(FIXTURES, 'workspace', name));
  const fromFolders = folders.map((folder) => {
    const paths = (readdirSync(folder, { recursive: true }) as string[]).map((p) => join(folder, p)).filter((p) => statSync(p).isFile()).sort();
    return { name: basename(folder), files: new Map(paths.map((p) => [p, readFileSync(p, 'utf8')])) };
  });
  const fromRules = fixtureFiles(join(FIXTURES, 'rules'))
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }))
    .filter(({ text }) => mayDefineIndexedKind(text))
    .map(({ file, text }) => ({ name: basename(file), files: new Map([[file, text]]) }));
  return [...fromFolders, ...fromRules];
}

/** The text with one document blanked (same length, so the other documents keep their offsets): that object is gone. */
function withoutDocument(text: string, index: number): string {
  const d = parseManifests(text).documents[index]!;
  return text.slice(0, d.offset) + d.text.replace(/[^\n]/g, ' ') + text.slice(d.offset + d.text.length);
}

/** The index changes to walk through: each object of the workspace removed in turn, and added back after. */
function* indexChanges(files: Map<string, string>): Generator<{ change: string; file: string; text: string }> {
  for (const [file, text] of files) {
    for (const document of parseManifests(text).documents) {
      if (!document.root) continue;
      const what = `${document.kind ?? 'document'} ${document.name ?? document.index} of ${basename(file)}`;
      yield { change: `without the ${what}`, file, text: withoutDocument(text, document.index) };
      yield { change: `with the ${what} again`, file, text };
    }
  }
}

/** Whole findings per rule, in one order whatever order they were reported in. */
function byRule(findings: Finding[]): Map<string, string[]> {
  const out = new Map<string, string[]>(RULES.map((r) => [r.id, []]));
  for (const f of findings) out.set(f.rule, [...(out.get(f.rule) ?? []), JSON.stringify(f)]);
  for (const list of out.values()) list.sort();
  return out;
}

test('every rule gives through the cache, across index changes, what it gives without the cache and with nothing hidden', () => {
  /** Rules whose findings an index change altered somewhere: proof the documents exercise them. */
  const followed = new Set<string>();
  let compared = 0;
  for (const { name, files } of workspaceCases()) {
    const analysed = [...files].filter(([file]) => /\.ya?ml$|\/kustomization$/i.test(file) && !file.includes('.expected.'));
    for (const [file, text] of analysed) {
      const model = parseManifests(text);
      const index = new WorkspaceIndex();
      for (const [f, t] of files) index.update(f, t);
      const cache = createFindingsCache();
      let before: Map<string, string[]> | undefined;
      for (const { change, file: changed, text: indexed } of [{ change: 'with everything', file, text }, ...indexChanges(files)]) {
        index.update(changed, indexed);
        const options = fixtureOptionsWith(index, file, text);
        const cached = byRule(analyze(model, options, RULES, cache).findings);
        const uncached = byRule(analyze(model, options).findings);
        const whole = byRule(analyze(model, options, SEEING_ALL).findings);
        for (const [rule, findings] of uncached) {
          const where = `${rule} on ${basename(file)} (${name}), ${change}`;
          assert.deepEqual(cached.get(rule) ?? [], findings, `${where}: the cache kept findings the index change made stale`);
          assert.deepEqual(findings, whole.get(rule) ?? [], `${where}: the rule reads what its scope hides from it (declare scope: 'workspace')`);
          if (before && JSON.stringify(before.get(rule) ?? []) !== JSON.stringify(findings)) followed.add(rule);
        }
        before = uncached;
        compared++;
      }
    }
  }
  assert.ok(compared > 200, `only ${compared} index states`);
  // The workspace-reading rules whose subjects these fixtures hold (references, pull secrets, CRDs, Kustomize patches).
  for (const rule of ['reference-not-found', 'image-pull-secret-not-found', 'private-registry-without-pull-secret', 'custom-resource-schema', 'kustomize-patch-failed']) {
    assert.ok(followed.has(rule), `no index change altered ${rule}'s findings: the documents do not exercise it`);
  }
});
