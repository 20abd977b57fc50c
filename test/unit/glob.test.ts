/** Exclude globs: VS Code's semantics through picomatch, and bad or too costly patterns reported instead of hanging. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileExcludes } from '../../server/src/fs/glob';

test('patterns match as in VS Code: ** across folders, {a,b}, [...], dot files, a folder excludes what is inside', () => {
  const cases: Array<[string, string, boolean]> = [
    ['**/.git', '.git', true],
    ['**/.git', 'sub/.git', true],
    ['**/.git', 'foo.git', false],
    ['**/.git', 'sub/foo.git/x.yaml', false],
    ['**/.git', 'sub/.git/config.yaml', true],
    ['charts/**', 'charts/app/values.yaml', true],
    ['charts/**', 'other/charts/x.yaml', false],
    ['*.yaml', 'a.yaml', true],
    ['*.yaml', 'sub/a.yaml', false],
    ['**/*.{yml,yaml}', 'deep/down/a.yml', true],
    ['**/*.{yml,yaml}', 'deep/down/a.json', false],
    ['gen-[0-9].yaml', 'gen-7.yaml', true],
    ['gen-[0-9].yaml', 'gen-x.yaml', false],
    ['**/*', '.hidden.yaml', true],
    ['vendor', 'vendor/x/y.yaml', true],
    ['vendor', 'sub/vendor/y.yaml', false],
    ['odd[{]name.yaml', 'odd{name.yaml', true],
    ['odd\\{name.yaml', 'odd{name.yaml', true],
  ];
  for (const [pattern, path, want] of cases) {
    const matcher = compileExcludes([pattern]);
    assert.deepEqual(matcher.problems, [], pattern);
    assert.equal(matcher.isExcluded(path), want, `${pattern} on ${path}`);
  }
});

test('bad patterns are reported once each and ignored; the good ones still apply', () => {
  const matcher = compileExcludes(['{a', '{a', 'b}', 'x/[z-a]', '', 'a*a*a*a*b', `${'x'.repeat(501)}`, '**/.git']);
  assert.deepEqual(matcher.problems, [
    'ignoring the exclude pattern "{a": it has a "{" that is never closed',
    'ignoring the exclude pattern "b}": it has a "}" without a "{"',
    'ignoring the exclude pattern "x/[z-a]": it is not a valid glob (Range out of order in character class)',
    'ignoring the exclude pattern "": it is empty',
    'ignoring the exclude pattern "a*a*a*a*b": it has 4 wildcards; at most 3 are allowed, as matching slows down with each',
    `ignoring the exclude pattern ${JSON.stringify('x'.repeat(100))}: it is longer than 500 characters`,
  ]);
  assert.equal(matcher.isExcluded('a'), false);
  assert.equal(matcher.isExcluded('sub/.git'), true);
});

test('the costliest allowed patterns answer on the longest names and deepest paths the walker gives them', () => {
  // With a fourth wildcard the first of these takes seconds; with three it is a few milliseconds (see the cap).
  const matcher = compileExcludes(['*a*a*b', '**/a/**/a/**/b']);
  assert.deepEqual(matcher.problems, []);
  assert.equal(matcher.isExcluded('a'.repeat(255)), false);
  assert.equal(matcher.isExcluded(Array(41).fill('a').join('/')), false);
});
