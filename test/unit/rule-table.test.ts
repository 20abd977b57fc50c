/** Meta tests over the rule table: unique ids, a fixture and a docs page per rule, README and docs in sync. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../server/src/analysis/rules/index';
import { rulePage, withReadmeTable } from '../../scripts/rule-docs';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'rules');

test('rule ids are unique kebab-case and name their file', () => {
  const ids = RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length, 'duplicate rule id');
  for (const r of RULES) {
    assert.match(r.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(existsSync(join(ROOT, 'server', 'src', 'analysis', 'rules', `${r.id}.ts`)), `rules/${r.id}.ts`);
    assert.ok(r.title && r.source && r.description && r.howToFix, `${r.id} lacks docs fields`);
  }
});

test('every rule has a fixture whose expectations name it', () => {
  const fixtures = readdirSync(FIXTURES);
  for (const r of RULES) {
    const own = fixtures.filter((f) => f === `${r.id}.yaml` || (f.startsWith(`${r.id}.`) && !f.includes('.expected.')));
    assert.ok(own.length > 0, `no fixture for ${r.id}`);
    const text = own.map((f) => readFileSync(join(FIXTURES, f), 'utf8')).join('\n');
    assert.ok(text.includes(`[${r.id}]`), `fixtures of ${r.id} expect no finding of it`);
  }
});

test('docs pages are generated from the rule table (run npm run docs:rules)', () => {
  for (const r of RULES) {
    const page = join(ROOT, 'docs', 'rules', `${r.id}.md`);
    assert.ok(existsSync(page), `docs/rules/${r.id}.md is missing`);
    assert.equal(readFileSync(page, 'utf8'), rulePage(r), `docs/rules/${r.id}.md is stale`);
  }
});

test('the README rule table matches the rule table (run npm run docs:rules)', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  assert.equal(readme, withReadmeTable(readme));
});
