/**
 * Bundled and run with plain node by the bench (no tsx wrappers), like dist/cli.js: median times of a bare
 * parseAllDocuments and of Pod Lens' check (parse + rules) of one file, in the same process, after a warm-up.
 */
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { analyze } from '../server/src/analysis/analyze';
import { parseManifests } from '../server/src/analysis/model/manifest';

const text = readFileSync(process.argv[2]!, 'utf8');
const runs = Number(process.argv[3] ?? 7);
const now = () => Number(process.hrtime.bigint()) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
parseAllDocuments(text);
analyze(parseManifests(text));
const parse: number[] = [];
const check: number[] = [];
for (let i = 0; i < runs; i++) {
  let t = now();
  parseAllDocuments(text);
  parse.push(now() - t);
  t = now();
  analyze(parseManifests(text));
  check.push(now() - t);
}
process.stdout.write(JSON.stringify({ parseMs: median(parse), checkMs: median(check) }));
