/** preloadedImagesVerificationAllowlist entries as pkg/kubelet/images/pullmanager getAllowlistImagePattern judges them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowlistPatternProblem } from '../../server/src/analysis/rules/support/image-pull-credentials';

const CASES: Array<[pattern: string, problem: string | undefined]> = [
  ['registry.k8s.io/pause', undefined],
  ['registry.example.com/platform/*', undefined],
  ['registry.example.com/*', undefined],
  [' registry.k8s.io/pause', 'leading/trailing spaces are not allowed:  registry.k8s.io/pause'],
  ['/*', 'at least registry hostname is required'],
  ['*', "not a valid wildcard pattern, only patterns ending with '/*' are allowed: *"],
  ['registry.example.com/*/team', "not a valid wildcard pattern, only patterns ending with '/*' are allowed: registry.example.com/*/team"],
  ['registry.example.com/team*', "not a valid wildcard pattern, only patterns ending with '/*' are allowed: registry.example.com/team*"],
  ['registry.k8s.io/pause:3.10', 'neither tag nor digest is accepted in an image reference: registry.k8s.io/pause:3.10'],
  ['', 'the supplied pattern is too short: '],
];

for (const [pattern, problem] of CASES) {
  test(`allowlist pattern ${JSON.stringify(pattern)}`, () => {
    assert.equal(allowlistPatternProblem(pattern), problem);
  });
}

test('an image name the reference grammar refuses is reported with its parse error', () => {
  assert.match(allowlistPatternProblem('Registry.example.com/Team/App') ?? '', /^failed to parse as an image name: /);
});
