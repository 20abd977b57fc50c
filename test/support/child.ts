/** Child processes of the tests: collected output, and a stop that waits for the exit (SIGKILL after a grace period). */
import type { ChildProcess } from 'node:child_process';

export function collectOutput(child: ChildProcess): () => string {
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  return () => output;
}

export function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), graceMs).unref();
  });
}
