/**
 * Bundled and run with plain node by the bench, one child per file, so its peak memory is its own: `pod-lens check
 * --format json` in-process on one file, then its wall and CPU time and process.resourceUsage().maxRSS as JSON.
 */
import { readFileSync } from 'node:fs';
import { main } from '../server/src/cli';

const file = process.argv[2]!;
const start = Number(process.hrtime.bigint()) / 1e6;
let jsonBytes = 0;
void main(['check', file, '--format', 'json', '--fail-on', 'never'], {
  stdout: (s) => (jsonBytes += s.length),
  stderr: () => undefined,
  stdin: () => readFileSync(0, 'utf8'),
  cwd: process.cwd(),
  env: process.env,
}).then((status) => {
  const ms = Number(process.hrtime.bigint()) / 1e6 - start;
  const usage = process.resourceUsage();
  // CPU time beside wall time: on a busy machine the wall clock mostly measures the other processes.
  process.stdout.write(JSON.stringify({ status, ms, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, peakRssMb: usage.maxRSS / 1024, jsonBytes }));
});
