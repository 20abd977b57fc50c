/**
 * Differential test: Pod Lens's reading of YAML against Kubernetes' own (sigs.k8s.io/yaml over go-yaml v2, built from
 * Debian's Go packages by test/oracle). Over the corpus, every fixture and generated corner cases, both must agree on
 * the documents, on which are readable, on the JSON kubectl sends and on the error it prints.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { buildOracle, type OracleDocument } from '../oracle/oracle';
import { cornerCaseFile } from '../oracle/corner-cases';
import { readLikeKubectl } from '../../server/src/analysis/yaml/read-stream';
import { toKubeJson } from '../../server/src/analysis/yaml/kube-json';
import { CORPUS, yamlFiles } from '../support/corpus';

const ROOT = join(__dirname, '..', '..');

interface Case {
  name: string;
  text: string;
}

/** Hand-picked cases from the issue and from go-yaml's known differences, kept next to the generated ones. */
const KNOWN: string[] = [
  "metadata:\n  annotations:\n    note: 'first line\n    second line'\n",
  'env:\n- name: A\n  value: yes\n',
  'mode: 0644\nbig: 1_000\nplus: +12\nhex: 0x1F\nbin: 0b101\n',
  'a: .inf\n', 'a: -.inf\n', 'a: .nan\n', 'a: 1e3\n',
  'a:\n\tb: 1\n', 'a: *nope\n', 'a: !!int abc\n', '%YAML 1.2\n---\na: 1\n', '%YAML 1.1\n---\na: 1\n',
  'a: 1\n---\nb: 2\n', 'a: 1\n--- # comment\nb: 2\n', 'a: 1\n---foo\nb: 2\n', 'a: 1\n...\nb: 2\n', 'a: 1\n...\n---\nb: 2\n',
  '- a\n- b\n', 'just a scalar\n', '', '# only a comment\n', '---\n', '---\n---\n', '\uFEFFa: 1\n', 'a: 1\r\nb: "x\r\n  y"\r\n',
  'a: b: c\n', 'a:\n  - b\n  c: d\n', 'key: "unterminated\n', 'a: [1, 2\n', '{a: 1}}\n', 'a: |\n  x\n b\n',
  'base: &b {x: 1}\nm:\n  <<: *b\n  y: 2\n', 'a: &a [1]\nb:\n  <<: *a\n', 'a: &x\n  b: *x\n',
  't: 2001-12-14\nts: !!timestamp 2001-12-14\nbad: !!timestamp nope\n', 'b: !!binary aGVsbG8=\n', 'b: !!binary bad!\n',
  'k:\n  ? [a]\n  : 1\n', '? ~\n: 1\n', '1.5: a\n1e10: b\ntrue: c\n0x10: d\n', 'a: "\\x41\\u263A"\n', 'a: "\\q"\n',
  'a: 9223372036854775807\nb: 9223372036854775808\nc: 18446744073709551616\n', 'a: -0.0\nb: -0\n', 'a: "<&>\\u2028"\n',
  'a: 1\u0000\n', 'long: ' + 'x'.repeat(1100) + ': 1\n', 'a:\n- b\n-  c\n- - d\n  - e\n', 'a: {b: [c, {d: e}]}\n',
  'apiVersion: v1\nkind: List\nitems:\n- kind: Pod\n  metadata: {name: a}\n',
  `lol: &a [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 8 }, (_, i) => `l${i}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`).join('\n')}\n`,
];

function cases(): Case[] {
  const out: Case[] = [];
  for (const f of yamlFiles(CORPUS)) out.push({ name: `corpus/${relative(CORPUS, f)}`, text: readFileSync(f, 'utf8') });
  for (const f of yamlFiles(join(ROOT, 'test', 'fixtures'))) out.push({ name: `fixtures/${relative(join(ROOT, 'test', 'fixtures'), f)}`, text: readFileSync(f, 'utf8') });
  KNOWN.forEach((text, i) => out.push({ name: `known #${i}`, text }));
  fc.sample(cornerCaseFile, { numRuns: 400, seed: 13 }).forEach((text, i) => out.push({ name: `generated #${i}`, text }));
  return out;
}

function ours(text: string): OracleDocument[] {
  return readLikeKubectl(text).map(({ decoded }) => (decoded.ok ? { json: toKubeJson(decoded.value) } : { error: decoded.error }));
}

const oracle = buildOracle();
after(() => oracle.dispose());

test('Pod Lens reads every document as Kubernetes does: readable or not, the JSON sent, the error printed', () => {
  const all = cases();
  const theirs = oracle.read(all.map((c) => c.text));
  const differences: string[] = [];
  let documents = 0;
  all.forEach((c, i) => {
    const want = theirs[i]!;
    const got = ours(c.text);
    documents += want.length;
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      differences.push(`${c.name}: ${JSON.stringify(c.text).slice(0, 400)}\n  kubernetes: ${JSON.stringify(want).slice(0, 400)}\n  pod lens:   ${JSON.stringify(got).slice(0, 400)}`);
    }
  });
  const generated = all.filter((c) => c.name.startsWith('generated')).length;
  const agreeing = all.length - differences.length;
  console.log(`yaml differential: ${agreeing}/${all.length} files agree (${((100 * agreeing) / all.length).toFixed(1)}%), ${documents} documents, ${generated} generated`);
  assert.ok(generated >= 300);
  assert.deepEqual(differences.slice(0, 15), [], `${differences.length} files read differently`);
});
