/**
 * npm run bench: speed and memory as ratios taken in one run, through the real server over stdio.
 * Prints a table and writes bench/results.json. A benchmark, not a test: it never fails on a number.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import { LspClient, ROOT } from '../test/support/lsp-client';
import { anchors, deployment, deployments } from './generate';
import { pathologicalFigures } from './pathological-figures';
import { CORPUS, yamlFiles } from '../test/support/corpus';
import { median, now, percentile, round } from './stats';

interface Input {
  name: string;
  text: string;
}

function largestCorpusFiles(n: number): Input[] {
  if (!existsSync(CORPUS)) return [];
  return yamlFiles(CORPUS)
    .map((f) => ({ f, size: statSync(f).size }))
    .sort((a, b) => b.size - a.size)
    .slice(0, n)
    .map(({ f }) => ({ name: `corpus:${f.slice(CORPUS.length + 1)}`, text: readFileSync(f, 'utf8') }));
}

function lines(text: string): number {
  return text.split('\n').length - 1;
}

function rssMb(pid: number | undefined): number {
  if (!pid) return NaN;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return round(kb / 1024);
}

/** parse vs check in a bundle run by plain node (as dist/cli.js runs), not through tsx. */
async function bundledCheck(text: string): Promise<{ parseMs: number; checkMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-bench-check-'));
  const bundle = join(dir, 'measure.js');
  await esbuild.build({ entryPoints: [join(ROOT, 'bench', 'measure-check.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
  const file = join(dir, 'input.yaml');
  writeFileSync(file, text);
  const out = execFileSync(process.execPath, [bundle, file, '7'], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out) as { parseMs: number; checkMs: number };
}

/** One-character edits in the middle of the file: time from didChange to the new diagnostics. */
async function editLatency(client: LspClient, uri: string, text: string, edits: number, ms: number): Promise<number[]> {
  const anchor = text.indexOf('value: production', Math.floor(text.length / 2));
  const at = anchor >= 0 ? anchor : Math.floor(text.length / 2);
  const times: number[] = [];
  for (let i = 0; i < edits; i++) {
    const lineStart = client.text(uri).lastIndexOf('\n', at) + 1;
    const before = client.text(uri).slice(0, at);
    const line = before.split('\n').length - 1;
    const character = at - lineStart;
    const start = now();
    // Alternate inserting and deleting one character so the text returns to its start.
    if (i % 2 === 0) await client.change(uri, [{ range: { start: { line, character }, end: { line, character } }, newText: 'x' }], ms);
    else await client.change(uri, [{ range: { start: { line, character }, end: { line, character: character + 1 } }, newText: '' }], ms);
    times.push(now() - start);
  }
  return times;
}

async function serverFigures(input: Input, command?: string[], otherSections?: Record<string, unknown>) {
  const client = await LspClient.start({ process: true, command, otherSections });
  const uri = `file:///bench/${input.name.replace(/[^a-z0-9.]+/gi, '-')}.yaml`;
  try {
    const t = now();
    await client.open(uri, input.text, 'yaml', 120_000);
    const openMs = now() - t;
    const edits = await editLatency(client, uri, input.text, 20, 120_000);
    return { openMs, editMedianMs: median(edits), editP95Ms: percentile(edits, 95), rssMb: rssMb(client.pid), client, uri };
  } catch (error) {
    await client.stop();
    throw error;
  }
}

/** The catalog's load time in a bundle run by plain node, as the server loads it at start. */
async function catalogLoad(): Promise<{ catalogLoadMs: number; firstLookupMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-bench-catalog-'));
  const bundle = join(dir, 'catalog.js');
  await esbuild.build({ entryPoints: [join(ROOT, 'bench', 'measure-catalog.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
  return JSON.parse(execFileSync(process.execPath, [bundle], { encoding: 'utf8' })) as { catalogLoadMs: number; firstLookupMs: number };
}

/** Position of `needle` + `delta` in the middle of the text (or its first occurrence). */
function positionIn(text: string, needle: string, delta: number): { line: number; character: number } {
  const middle = text.indexOf(needle, Math.floor(text.length / 2));
  const at = (middle >= 0 ? middle : Math.max(0, text.indexOf(needle))) + delta;
  const before = text.slice(0, at);
  return { line: before.split('\n').length - 1, character: at - (before.lastIndexOf('\n') + 1) };
}

/** Hover on a plain field (the catalog's description) and completion of field names at a container key, p95 over 200 each. */
async function schemaRequestLatency(client: LspClient, uri: string, text: string) {
  const field = positionIn(text, 'replicas:', 2);
  const key = positionIn(text, '  image:', 5);
  const hovers: number[] = [];
  const completions: number[] = [];
  for (let i = 0; i < 200; i++) {
    let t = now();
    await client.hover(uri, field);
    hovers.push(now() - t);
    t = now();
    await client.completion(uri, key);
    completions.push(now() - t);
  }
  return { fieldHoverP95Ms: percentile(hovers, 95), completionMedianMs: median(completions), completionP95Ms: percentile(completions, 95) };
}

async function requestLatency(client: LspClient, uri: string, text: string) {
  // Hover on an image in the middle of the file (or the file start when it has none).
  const middle = text.indexOf('image:', Math.floor(text.length / 2));
  const at = middle >= 0 ? middle : text.indexOf('image:');
  const before = text.slice(0, Math.max(0, at));
  const hoverAt = at >= 0 ? { line: before.split('\n').length - 1, character: at - (before.lastIndexOf('\n') + 1) + 8 } : { line: 0, character: 0 };
  const hovers: number[] = [];
  const lenses: number[] = [];
  for (let i = 0; i < 200; i++) {
    let t = now();
    await client.hover(uri, hoverAt);
    hovers.push(now() - t);
    t = now();
    await client.codeLens(uri);
    lenses.push(now() - t);
  }
  return { hoverMedianMs: median(hovers), hoverP95Ms: percentile(hovers, 95), lensMedianMs: median(lenses), lensP95Ms: percentile(lenses, 95) };
}

/** A workspace of `count` manifest files, indexed by the real server: time to the "indexed" log and RSS after. */
async function indexFigures(count: number) {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-bench-ws-'));
  for (let i = 0; i < count; i++) {
    const sub = join(dir, `team-${i % 50}`);
    mkdirSync(sub, { recursive: true });
    const text = i % 3 === 0 ? `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s-${i}\ntype: Opaque\nstringData:\n  k: v\n` : i % 3 === 1 ? `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c-${i}\ndata:\n  a: b\n` : deployment(i);
    writeFileSync(join(sub, `m-${i}.yaml`), text);
  }
  const client = await LspClient.start({ process: true, workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'bench' }] });
  try {
    const t = now();
    const line = await client.log(/indexed \d+ files/, 120_000);
    return { files: count, indexMs: round(now() - t), serverRssMb: rssMb(client.pid), log: line };
  } finally {
    await client.stop();
  }
}

/** `npm run bench -- --pathological`: only the pathological files (quicker; printed, results.json untouched). */
async function pathologicalOnly(): Promise<void> {
  const rows = await pathologicalFigures();
  console.table(rows.map((r) => ({ input: r.input, MB: r.megabytes, 'cli ms': r.cliMs, 'cli cpu': r.cliCpuMs, 'cli MB': r.cliPeakMb, 'server ms': r.serverTotalMs ?? r.serverError, 'server cpu': r.serverCpuMs, 'server MB': r.serverPeakMb, ok: r.withinLimits })));
}

async function main() {
  if (process.argv.includes('--pathological')) return pathologicalOnly();
  const inputs: Input[] = [
    { name: 'deployments-10k', text: deployments(10_000) },
    { name: 'deployments-50k', text: deployments(50_000) },
    { name: 'anchors-2000', text: anchors(2000) },
    ...largestCorpusFiles(3),
  ];
  const yamlLs = join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
  const results: Record<string, unknown>[] = [];
  for (const input of inputs) {
    const { parseMs, checkMs } = await bundledCheck(input.text);
    const ours = await serverFigures(input);
    const requests = { ...(await requestLatency(ours.client, ours.uri, input.text)), ...(await schemaRequestLatency(ours.client, ours.uri, input.text)) };
    await ours.client.stop();
    let peer: { openMs: number; editMedianMs: number } | undefined;
    if (existsSync(yamlLs) && input.name.startsWith('deployments-10k')) {
      try {
        const p = await serverFigures(input, [yamlLs, '--stdio'], { yaml: { validate: true, schemaStore: { enable: false }, schemas: {} } });
        peer = { openMs: p.openMs, editMedianMs: p.editMedianMs };
        await p.client.stop();
      } catch (error) {
        console.error(`yaml-language-server: ${String(error)}`);
      }
    }
    const row = {
      input: input.name,
      lines: lines(input.text),
      parseMs: round(parseMs),
      checkMs: round(checkMs),
      checkOverParse: round(checkMs / parseMs, 2),
      openToDiagnosticsMs: round(ours.openMs),
      editToDiagnosticsMedianMs: round(ours.editMedianMs),
      editToDiagnosticsP95Ms: round(ours.editP95Ms),
      editOverParse: round(ours.editMedianMs / parseMs, 2),
      ...Object.fromEntries(Object.entries(requests).map(([k, v]) => [k, round(v, 2)])),
      serverRssMb: ours.rssMb,
      ...(peer
        ? { yamlLsOpenMs: round(peer.openMs), yamlLsEditMs: round(peer.editMedianMs), editOverYamlLs: round(ours.editMedianMs / peer.editMedianMs, 3) }
        : {}),
    };
    results.push(row);
    console.log(JSON.stringify(row));
  }
  const catalog = await catalogLoad();
  console.log(JSON.stringify(catalog));
  const indexing = await indexFigures(5000);
  console.log(JSON.stringify(indexing));
  const pathological = await pathologicalFigures();
  const vsix = readdirSync(ROOT).find((f) => f.endsWith('.vsix'));
  const summary = {
    date: new Date().toISOString(),
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
    vsixBytes: vsix ? statSync(join(ROOT, vsix)).size : null,
    catalog,
    indexing,
    results,
    pathological,
  };
  writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(summary, null, 2)}\n`);
  console.table(results.map((r) => ({ input: r.input, lines: r.lines, parse: r.parseMs, check: r.checkMs, 'check/parse': r.checkOverParse, open: r.openToDiagnosticsMs, edit: r.editToDiagnosticsMedianMs, 'hover p95': r.hoverP95Ms, 'field hover p95': r.fieldHoverP95Ms, 'completion p95': r.completionP95Ms, 'lens p95': r.lensP95Ms, rss: r.serverRssMb, 'yaml-ls edit': r.yamlLsEditMs ?? '' })));
  console.log(`VSIX: ${summary.vsixBytes ?? 'not built'} bytes; results in bench/results.json`);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
