/**
 * Runs the built CLI without blocking the test's event loop (runCli in cli.ts is synchronous): needed when the CLI
 * talks to a server living in the test process itself, such as the hostile registry.
 */
import { spawn } from 'node:child_process';
import { CLI, type CliRun } from './cli';

export function runCliAsync(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number } = {}): Promise<CliRun & { ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, ...args], { env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    // 'exit', not 'close': a process that is done counts as done even if something it started still holds its pipes.
    child.on('exit', (status) => {
      clearTimeout(timer);
      setImmediate(() => resolve({ status, stdout, stderr, ms: Date.now() - started }));
    });
    child.stdin.end(options.input ?? '');
  });
}
