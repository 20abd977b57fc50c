/** Patch targets as kustomize selects objects: anchored regular expressions for the id, label and annotation selectors. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSelector, targetMatches } from '../../server/src/analysis/kustomize/target-match';
import type { PatchTarget } from '../../server/src/analysis/kustomize/kustomization';

const WEB = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web-api', namespace: 'prod', labels: { tier: 'frontend', team: 'a' }, annotations: { 'example.com/patch': 'yes' } } };
const POD = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' } };

const CASES: Array<[string, PatchTarget, boolean, boolean]> = [
  ['an empty target selects everything', {}, true, true],
  ['a name is a regular expression', { name: 'web-.*' }, true, false],
  ['anchored whole: a name pattern does not match a part of the name', { name: 'web' }, false, true],
  ['alternatives in a kind', { kind: 'Deployment|StatefulSet' }, true, false],
  ['group and version from apiVersion; the core group is empty', { group: 'apps', version: 'v1' }, true, false],
  ['version alone matches the core group too', { version: 'v1' }, true, true],
  ['namespace', { namespace: 'prod' }, true, false],
  ['labelSelector with = and a set', { labelSelector: 'tier=frontend,team in (a, b)' }, true, false],
  ['labelSelector != and notin hold for an object without the label', { labelSelector: 'tier!=backend,team notin (c)' }, true, true],
  ['labelSelector existence and absence', { labelSelector: 'tier,!canary' }, true, false],
  ['annotationSelector', { annotationSelector: 'example.com/patch=yes' }, true, false],
  ['a pattern that does not compile selects nothing (kustomize fails)', { name: 'web-(' }, false, false],
  ['a pattern that could backtrack for ever is refused', { name: '(a+)+$' }, false, false],
];

for (const [name, target, web, pod] of CASES) {
  test(`patch target: ${name}`, () => {
    assert.deepEqual([targetMatches(target, WEB), targetMatches(target, POD)], [web, pod]);
  });
}

test('a label selector that does not parse is undefined', () => {
  assert.equal(parseSelector('a in b'), undefined);
  assert.deepEqual(parseSelector('a==b'), [{ key: 'a', op: 'in', values: ['b'] }]);
});
