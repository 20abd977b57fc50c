/**
 * Runs the `pod-lens` command and collects its output and exit code: in this process through `main(argv, io)` by
 * default, or as the built bin (`node dist/cli.js`) in a child process with `process: true`, for the tests about
 * the process itself (the shim, real exit codes, real stdin).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { main } from '../../server/src/cli';

export const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  input?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  process?: boolean;
}

export async function runCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  if (options.process) return runChild(args, options);
  let stdout = '';
  let stderr = '';
  const status = await main(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    stdin: () => options.input ?? '',
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? process.env,
  });
  return { status, stdout, stderr };
}

function runChild(args: string[], options: CliOptions): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    input: options.input ?? '',
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
