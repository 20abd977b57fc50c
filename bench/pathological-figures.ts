/**
 * Pathological files (issue 17) through the CLI and the real server: time and peak memory of each, measured in child
 * processes (the CLI's process.resourceUsage(); the server's /proc figures). The target is under 5 s of CPU time and
 * 500 MB each; wall times are listed too.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import { LspClient, ROOT } from '../test/support/lsp-client';
import { PATHOLOGICAL } from './pathological';
import { now, round } from './stats';

const LIMIT_MS = 5000;
const LIMIT_MB = 500;
/** Past this a step counts as hung; the figure says so instead of waiting for ever. */
const GIVE_UP_MS = 60_000;

/** CPU time (user + system) a process has used so far, from /proc (clock ticks of 10 ms). */
function cpuMs(pid: number | undefined): number {
  if (!pid) return NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function peakRssMb(pid: number | undefined): number {
  if (!pid) return NaN;
  const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
  return round(kb / 1024);
}

async function cliFigures(bundle: string, file: string): Promise<{ ms: number; cpuMs: number; peakMb: number; jsonBytes: number } | { error: string }> {
  try {
    const out = execFileSync(process.execPath, [bundle, file], { encoding: 'utf8', timeout: GIVE_UP_MS, maxBuffer: 1 << 20 });
    const r = JSON.parse(out) as { ms: number; cpuMs: number; peakRssMb: number; jsonBytes: number };
    return { ms: round(r.ms), cpuMs: round(r.cpuMs), peakMb: round(r.peakRssMb), jsonBytes: r.jsonBytes };
  } catch (error) {
    return { error: String(error).split('\n')[0]! };
  }
}

/** Open → diagnostics, a hover and the code lenses, one edit in the middle → diagnostics; the server's peak memory. */
async function serverFigures(name: string, text: string) {
  // A real server process: its CPU time and peak memory are read from /proc.
  const client = await LspClient.start({ process: true });
  const uri = `file:///bench/pathological-${name}.yaml`;
  try {
    // Wait until the server is up and has read its settings, so its start-up is not counted.
    await client.open('file:///bench/warm-up.yaml', 'apiVersion: v1\nkind: Pod\n');
    const cpuBefore = cpuMs(client.pid);
    const t = now();
    const diagnostics = await client.open(uri, text, 'yaml', GIVE_UP_MS);
    const openMs = now() - t;
    const lines = text.split('\n').length;
    const middle = { line: Math.floor(lines / 2), character: 0 };
    let r = now();
    await client.hover(uri, middle);
    await client.codeLens(uri);
    const requestsMs = now() - r;
    r = now();
    await client.change(uri, [{ range: { start: middle, end: middle }, newText: ' ' }], GIVE_UP_MS);
    const editMs = now() - r;
    const figures = { openMs: round(openMs), requestsMs: round(requestsMs), editMs: round(editMs), totalMs: round(now() - t), cpuMs: cpuMs(client.pid) - cpuBefore, diagnostics: diagnostics.length, peakMb: peakRssMb(client.pid) };
    await client.stop();
    return figures;
  } catch (error) {
    const peakMb = peakRssMb(client.pid);
    // A server still busy would not answer shutdown: end the process this bench started, by its id.
    if (client.pid) process.kill(client.pid, 'SIGKILL');
    return { error: String(error).split('\n')[0]!, peakMb };
  }
}

export async function pathologicalFigures(): Promise<Record<string, unknown>[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-bench-pathological-'));
  const bundle = join(dir, 'measure.js');
  await esbuild.build({ entryPoints: [join(ROOT, 'bench', 'measure-pathological.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
  const rows: Record<string, unknown>[] = [];
  for (const [name, make] of Object.entries(PATHOLOGICAL)) {
    const text = make();
    const file = join(dir, `${name}.yaml`);
    writeFileSync(file, text);
    const cli = await cliFigures(bundle, file);
    const server = await serverFigures(name, text);
    // Judged on CPU time: on a shared machine the wall clock mostly measures the other processes (both are listed).
    const times = ['cpuMs' in cli ? cli.cpuMs : Infinity, ('cpuMs' in server ? server.cpuMs : undefined) ?? Infinity];
    const peaks = ['peakMb' in cli ? cli.peakMb : Infinity, server.peakMb ?? Infinity];
    const row = {
      input: name,
      megabytes: round(text.length / 1e6, 2),
      cliMs: 'ms' in cli ? cli.ms : cli.error,
      cliCpuMs: 'cpuMs' in cli ? cli.cpuMs : '',
      cliPeakMb: 'peakMb' in cli ? cli.peakMb : '',
      cliJsonBytes: 'jsonBytes' in cli ? cli.jsonBytes : '',
      ...Object.fromEntries(Object.entries(server).map(([k, v]) => [`server${k[0]!.toUpperCase()}${k.slice(1)}`, v])),
      withinLimits: Math.max(...times) < LIMIT_MS && Math.max(...peaks) < LIMIT_MB,
    };
    rows.push(row);
    console.log(JSON.stringify(row));
  }
  return rows;
}
