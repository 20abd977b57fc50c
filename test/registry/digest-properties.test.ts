/**
 * Property tests (fast-check) of the digest grammar, the verification of bytes against a digest, and the edit builder
 * that writes `@digest` into a manifest: only a digest of the exact grammar is ever written, and what is written reads
 * back, in every scalar style, as the same manifest with only that image changed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { DIGEST_HEX_LENGTH, isDigest, type DigestAlgorithm } from '../../server/src/analysis/fixes/digest';
import { imageFields } from '../../server/src/analysis/fixes/image-fields';
import { pinEdits, planPins } from '../../server/src/analysis/fixes/pin-plan';
import { pinImage, InvalidDigestError } from '../../server/src/analysis/fixes/pin-image';
import { parseImageReference } from '../../server/src/analysis/k8s/image-reference';
import { parseManifests } from '../../server/src/analysis/model/manifest';
import { digestOf, matches } from '../../server/src/registry/digest';

const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const params = { seed: SEED, numRuns: RUNS };

const HEX = '0123456789abcdef'.split('');
const ALGORITHMS = Object.keys(DIGEST_HEX_LENGTH) as DigestAlgorithm[];

const hex = (n: number) => fc.array(fc.constantFrom(...HEX), { minLength: n, maxLength: n }).map((a) => a.join(''));
const validDigest = fc.constantFrom(...ALGORITHMS).chain((alg) => hex(DIGEST_HEX_LENGTH[alg]).map((h) => `${alg}:${h}`));

/** Strings close to a digest, and strings from the YAML and shell alphabets. */
const nearDigest = fc.oneof(
  // Wrong length for the algorithm.
  fc.tuple(fc.constantFrom(...ALGORITHMS), fc.integer({ min: 0, max: 140 })).filter(([a, n]) => n !== DIGEST_HEX_LENGTH[a]).chain(([a, n]) => hex(n).map((h) => `${a}:${h}`)),
  // A valid digest with one character changed, inserted or appended.
  fc.tuple(validDigest, fc.nat(), fc.string({ minLength: 1, maxLength: 3 })).map(([d, i, s]) => {
    const at = i % (d.length + 1);
    return d.slice(0, at) + s + d.slice(at);
  }),
  validDigest.map((d) => d.toUpperCase()),
  validDigest.map((d) => `${d}\n`),
  validDigest.map((d) => ` ${d}`),
  validDigest.map((d) => `${d}, securityContext: {privileged: true}`),
  fc.tuple(fc.constantFrom('md5', 'sha1', 'sha224', 'SHA256', 'blake3', ''), hex(64)).map(([a, h]) => `${a}:${h}`),
  fc.string({ unit: fc.constantFrom(...'sha256:0af{}[],#&*!|>\'"%@` \n\t-?'.split('')), maxLength: 90 }),
  fc.string({ maxLength: 200 }),
);

test('the grammar: exactly sha256/64, sha384/96, sha512/128 lowercase hex', () => {
  fc.assert(fc.property(validDigest, (d) => isDigest(d)), params);
  fc.assert(
    fc.property(nearDigest, (s) => {
      const expected = /^(sha256:[0-9a-f]{64}|sha384:[0-9a-f]{96}|sha512:[0-9a-f]{128})$/.test(s) && !s.endsWith('\n');
      assert.equal(isDigest(s), expected, JSON.stringify(s));
    }),
    params,
  );
  for (const v of [undefined, null, 1, {}, ['sha256:' + '0'.repeat(64)]]) assert.equal(isDigest(v), false);
});

test('verification: the digest of the bytes in its own algorithm matches; any other bytes or digest do not', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 512 }), fc.constantFrom(...ALGORITHMS), fc.nat(), (bytes, alg, flip) => {
      const d = digestOf(bytes, alg);
      assert.equal(d, `${alg}:${createHash(alg).update(bytes).digest('hex')}`);
      assert.ok(matches(bytes, d));
      const other = new Uint8Array(bytes.length + 1);
      other.set(bytes);
      other[bytes.length] = flip % 256;
      assert.ok(!matches(other, d));
      if (bytes.length > 0) {
        const changed = Uint8Array.from(bytes);
        changed[flip % bytes.length] = (changed[flip % bytes.length]! + 1) % 256;
        assert.ok(!matches(changed, d));
      }
      // The same hex under another algorithm's name, and the uppercase form, are not this digest.
      assert.ok(!matches(bytes, d.toUpperCase()));
    }),
    params,
  );
  fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), nearDigest, (bytes, s) => assert.ok(!matches(bytes, s) || isDigest(s))), params);
});

// Image references as people write them: an optional registry, one to three path components, an optional tag.
const component = fc.stringMatching(/^[a-z0-9]{1,6}(?:[._-][a-z0-9]{1,4})?$/);
const image = fc
  .tuple(
    fc.option(fc.constantFrom('127.0.0.1:5000', 'registry.example.com', 'localhost', 'ghcr.io', '[::1]:5000'), { nil: undefined }),
    fc.array(component, { minLength: 1, maxLength: 3 }),
    fc.option(fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,12}$/), { nil: undefined }),
  )
  .map(([registry, path, tag]) => `${registry ? `${registry}/` : ''}${path.join('/')}${tag ? `:${tag}` : ''}`)
  .filter((s) => parseImageReference(s).ok);

type Style = (img: string) => string;
const STYLES: Record<string, Style> = {
  block: (img) => `  - name: a\n    image: ${img}\n`,
  'block, double-quoted, comment': (img) => `  - name: a\n    image: "${img}"  # keep\n`,
  'block, single-quoted': (img) => `  - name: a\n    image: '${img}'\n`,
  'flow mapping': (img) => `  - {name: a, image: ${img}}\n`,
  'flow mapping, quoted': (img) => `  - {name: a, image: "${img}", imagePullPolicy: Always}\n`,
  'flow sequence': (img) => `  [{name: a, image: ${img}}, {name: b, image: other/side:1}]\n`,
};

function podWith(style: Style, img: string): string {
  const body = style(img);
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:${body.startsWith('  [') ? ` ${body.trimStart()}` : `\n${body}`}`;
}

/** A plain `[::1]:5000/…` is a flow sequence, not a string: such combinations are not image fields and are skipped. */
function imageIsField(text: string, img: string): boolean {
  return imageFields(parseManifests(text)).some((f) => f.image === img);
}

function applyPins(text: string, digest: string, keepTag: boolean): string {
  const plan = planPins(imageFields(parseManifests(text)));
  const edits = pinEdits(plan, new Map(plan.images.map((i) => [i, digest])), keepTag).sort((a, b) => b.field.span.start - a.field.span.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.field.span.start) + e.newText + out.slice(e.field.span.end);
  return out;
}

test('the edit builder: a valid digest pins every style so that only the image changes, and it reads back as that digest', () => {
  fc.assert(
    fc.property(image, validDigest, fc.constantFrom(...Object.keys(STYLES)), fc.boolean(), (img, digest, styleName, keepTag) => {
      const text = podWith(STYLES[styleName]!, img);
      fc.pre(imageIsField(text, img));
      const before = parseAllDocuments(text)[0]!.toJS() as { spec: { containers: Array<Record<string, unknown>> } };
      const out = applyPins(text, digest, keepTag);
      const doc = parseAllDocuments(out)[0]!;
      assert.deepEqual(doc.errors, [], out);
      const afterJs = doc.toJS() as typeof before;
      const pinned = afterJs.spec.containers[0]!.image as string;
      assert.equal(pinned, pinImage(img, digest, keepTag));
      const ref = parseImageReference(pinned);
      assert.ok(ref.ok && ref.ref.digest === digest, pinned);
      // Everything but that image is as it was (other containers were already pinned or are other images).
      const expected = structuredClone(before);
      expected.spec.containers[0]!.image = pinned;
      if (expected.spec.containers[1]) expected.spec.containers[1].image = afterJs.spec.containers[1]!.image;
      assert.deepEqual(afterJs, expected);
    }),
    params,
  );
});

test('the edit builder refuses anything that is not a digest, and the file stays as it was', () => {
  fc.assert(
    fc.property(image, nearDigest.filter((s) => !isDigest(s)), fc.constantFrom(...Object.keys(STYLES)), (img, notDigest, styleName) => {
      assert.throws(() => pinImage(img, notDigest, true), InvalidDigestError);
      const text = podWith(STYLES[styleName]!, img);
      fc.pre(imageIsField(text, img));
      assert.throws(() => applyPins(text, notDigest, true), InvalidDigestError);
    }),
    params,
  );
});

test('the refusal message quotes at most a short, printable excerpt of what the registry sent', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 400 }).filter((s) => !isDigest(s)), (s) => {
      const message = new InvalidDigestError(s).message;
      assert.ok(message.length < 300, message);
      // Control characters are exactly what this checks for.
      // eslint-disable-next-line no-control-regex
      assert.ok(!/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/.test(message), JSON.stringify(message));
    }),
    params,
  );
});
