/**
 * The findings cache keys a document's findings by its text and the options minus the workspace index. These tests
 * prove a rule cannot make that key wrong: an undeclared rule never sees the workspace, and every rule of the table
 * gives the same findings through the cache across an index change as without it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, createFindingsCache } from '../../server/src/analysis/analyze';
import { parseManifests } from '../../server/src/analysis/model/manifest';
import { RULES } from '../../server/src/analysis/rules/index';
import type { Rule, RuleContext } from '../../server/src/analysis/rules/types';
import type { WorkspaceView } from '../../server/src/analysis/workspace-view';
import { analyzeFixture, fixtureFiles } from '../support/fixture-analysis';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n';

/** A workspace that has Secrets or not: the smallest index change a rule can observe. */
const workspaceWith = (hasSecrets: boolean): WorkspaceView => ({ find: () => [], hasKind: (kind) => hasSecrets && kind === 'Secret' });

/**
 * A rule that reports whether it saw Secrets in the workspace; `scope` is what it declares. A rule reading the
 * workspace without `scope: 'workspace'` does not compile (its options have no workspace); it is cast here to prove
 * that the run time refuses it too.
 */
function secretsRule(scope: Rule['scope']): Rule {
  const check = ({ document, options, report }: RuleContext): void => {
    report({ span: document.span, message: `workspace ${options.workspace === undefined ? 'absent' : options.workspace.hasKind('Secret') ? 'has Secrets' : 'has none'}` });
  };
  return { id: 'test-reads-workspace', defaultSeverity: 'hint', scope, title: 't', source: 't', description: 't', howToFix: 't', check } as Rule;
}

/** The message of each run, through one cache: first without Secrets, then with. */
function cachedRuns(rule: Rule): string[] {
  const cache = createFindingsCache();
  const model = parseManifests(POD);
  return [false, true].map((hasSecrets) => analyze(model, { workspace: workspaceWith(hasSecrets) }, [rule], cache).findings.map((f) => f.message).join());
}

test('a rule that reads the workspace without declaring scope: workspace sees none, cached or not (never stale)', () => {
  const wrong = secretsRule(undefined);
  assert.deepEqual(cachedRuns(wrong), ['workspace absent', 'workspace absent']);
  assert.equal(analyze(parseManifests(POD), { workspace: workspaceWith(true) }, [wrong]).findings[0]?.message, 'workspace absent');
  assert.deepEqual(cachedRuns(secretsRule('file')), ['workspace has none', 'workspace has Secrets'], 'file scope runs every time with the workspace');
});

test('a rule that declares scope: workspace sees the index and follows its change through the cache', () => {
  assert.deepEqual(cachedRuns(secretsRule('workspace')), ['workspace has none', 'workspace has Secrets']);
});

test('every rule gives through the cache, across an index change, what it gives without the cache (all fixtures)', () => {
  const empty: WorkspaceView = { find: () => [], hasKind: () => false };
  const render = (r: ReturnType<typeof analyze>) => r.findings.map((f) => `${f.span.start}-${f.span.end} ${f.rule}: ${f.message}`);
  const root = join(__dirname, '..', 'fixtures');
  let compared = 0;
  for (const file of fixtureFiles(root)) {
    const { model, options, result } = analyzeFixture(file, readFileSync(file, 'utf8'));
    const cache = createFindingsCache();
    analyze(model, { ...options, workspace: empty }, RULES, cache);
    assert.deepEqual(render(analyze(model, options, RULES, cache)), render(result), file);
    compared++;
  }
  assert.ok(compared > 100, `only ${compared} fixtures`);
});
