/**
 * Property tests: random and mutated manifests never make the model, rules or features throw or leave the text. No
 * wall-clock limit here (a slow machine is not a bug); a hang is caught by the runner's per-test timeout.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyze } from '../../server/src/analysis/analyze';
import { completionsAt } from '../../server/src/analysis/completion/index';
import { hoverAt } from '../../server/src/analysis/hover/index';
import { inspectModel } from '../../server/src/analysis/inspect';
import { codeLenses } from '../../server/src/analysis/lens/index';
import { parseManifests } from '../../server/src/analysis/model/manifest';
import type { Span } from '../../server/src/analysis/model/span';
import { anchors } from '../../bench/generate';

const EXAMPLES = ['myapp-pod.yaml', 'sidecar-deployment.yaml', 'mistakes.yaml'].map((f) => readFileSync(join(__dirname, '..', '..', 'examples', f), 'utf8'));
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

function inside(span: Span, length: number): boolean {
  return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length;
}

/** Everything a user can trigger on a text, at a few offsets. */
function exercise(text: string): void {
  const model = parseManifests(text);
  const result = analyze(model, { rules: { 'image-not-pinned': 'warning' } });
  assert.deepEqual(result.failures.map((f) => `${f.rule}: ${String(f.error)}`), []);
  for (const f of result.findings) {
    assert.ok(inside(f.span, text.length), `${f.rule} span ${JSON.stringify(f.span)} outside 0..${text.length}`);
    for (const fix of f.fixes ?? []) for (const e of fix.edits ?? []) assert.ok(inside(e.span, text.length), `${f.rule} fix edit outside`);
  }
  for (const lens of codeLenses(model)) assert.ok(inside(lens.span, text.length));
  inspectModel(model);
  const step = Math.max(1, Math.floor(text.length / 7));
  for (let offset = 0; offset <= text.length; offset += step) {
    const h = hoverAt(model, offset);
    if (h) assert.ok(inside(h.span, text.length));
    for (const c of completionsAt(model, offset)) assert.ok(inside(c.span, text.length));
  }
}

const yamlish = fc
  .array(
  fc.constantFrom('a', 'k', ':', ' ', '  ', '\n', '- ', '-', '[', ']', '{', '}', ',', '"', "'", '#', '&a', '*a', '---\n', '|', '>', '\t', '\r\n', 'kind: Pod\n', 'apiVersion: v1\n', 'spec:\n', 'containers:\n', 'initContainers:\n', 'image: ', 'name: ', 'restartPolicy: Always\n', 'resources:\n', 'cpu: ', '500m', '1Gi', 'nginx:latest', '{{ .X }}', '\uFEFF', '\u0000', 'é', '😀'),
  { maxLength: 200 },
  )
  .map((parts) => parts.join(''));

test('random YAML-ish text', () => {
  fc.assert(fc.property(yamlish, (text) => exercise(text)), { seed: SEED, numRuns: RUNS });
});

test('truncations of real manifests', () => {
  fc.assert(
    fc.property(fc.constantFrom(...EXAMPLES), fc.nat(), (text, n) => exercise(text.slice(0, n % (text.length + 1)))),
    { seed: SEED, numRuns: RUNS },
  );
});

test('mutations of real manifests: inserted, deleted and replaced characters', () => {
  const mutation = fc.tuple(fc.nat(), fc.nat({ max: 20 }), fc.string({ maxLength: 12 }));
  fc.assert(
    fc.property(fc.constantFrom(...EXAMPLES), fc.array(mutation, { maxLength: 6 }), (text, muts) => {
      let t = text;
      for (const [at, del, ins] of muts) {
        const i = at % (t.length + 1);
        t = t.slice(0, i) + ins + t.slice(i + del);
      }
      exercise(t);
    }),
    { seed: SEED, numRuns: RUNS },
  );
});

test('wrong types everywhere: every scalar of a real manifest replaced by a list, a map, null or a number', () => {
  const replacements = ['[]', '{}', 'null', '7', '-1', '"x"', '[1, {a: b}]', '~', 'true', '1e400'];
  fc.assert(
    fc.property(fc.constantFrom(...EXAMPLES), fc.nat(), fc.constantFrom(...replacements), (text, n, r) => {
      const values = [...text.matchAll(/: ([^\n#]+)$/gm)];
      if (values.length === 0) return;
      const m = values[n % values.length]!;
      const start = m.index! + 2;
      exercise(text.slice(0, start) + r + text.slice(start + m[1]!.length));
    }),
    { seed: SEED, numRuns: RUNS },
  );
});

test('deep nesting, huge scalars and alias bombs: no throw, spans inside the text (an expansion would meet the runner timeout)', () => {
  exercise(`${'- '.repeat(3000)}x\n`);
  exercise(`${'{a: '.repeat(1500)}1${'}'.repeat(1500)}`);
  exercise(`apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    image: ${'x'.repeat(1_000_000)}\n`);
  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 10; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
  exercise(`${bomb.join('\n')}\napiVersion: v1\nkind: Pod\nspec:\n  containers: *j\n`);
  // 2,000 aliases read by the env rules: each alias must resolve without a walk of the document.
  exercise(anchors(2000));
});
