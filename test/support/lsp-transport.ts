/**
 * Where the test client's server runs: in this process (startServer over a pair of in-memory streams, the default:
 * fast, and stack traces point into the TypeScript) or as the built bundle in a child process over stdio (for the few
 * tests about the process itself: startup, exit, the bundle).
 */
import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { StreamMessageReader, StreamMessageWriter, type MessageReader, type MessageWriter } from 'vscode-languageserver-protocol/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createRealRuntime } from '../../server/src/real-runtime';
import { startServer } from '../../server/src/server';
import type { FileSystem } from '../../server/src/fs/file-system';

export interface ServerTransport {
  reader: MessageReader;
  writer: MessageWriter;
  /** The child's process id; undefined in process. */
  pid?: number;
  /** What the server wrote to stderr (a child only). */
  stderr(): string;
  /** The child's exit code once it has exited (null before, or in process). */
  exitCode(): number | null;
  /** Whether the client may send `exit`: in process it would end the test run (vscode-languageserver calls process.exit). */
  canExit: boolean;
  /** Ends the server once it was asked to shut down (a child is killed if it has not exited within a few seconds). */
  close(): Promise<void>;
}

/** `fs` replaces the disk (an in-memory workspace); without it the server reads the real one. */
export function inProcessServer(env: NodeJS.ProcessEnv, fs?: FileSystem): ServerTransport {
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  const toClient = new PassThrough();
  fromServer.pipe(toClient);
  // A MessageReader, not the raw stream: given a stream, vscode-languageserver exits the process when it ends.
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(fromServer));
  // Fault injection lives in the runtime the test builds: POD_LENS_TEST_FAULTS=hover,codeLens makes those handlers throw.
  const faults = new Set((env.POD_LENS_TEST_FAULTS ?? '').split(',').filter(Boolean));
  startServer(connection, { ...createRealRuntime((message) => connection.console.log(message), env), faults, ...(fs ? { fs } : {}) });
  return {
    reader: new StreamMessageReader(toClient),
    writer: new StreamMessageWriter(toServer),
    stderr: () => '',
    exitCode: () => null,
    canExit: false,
    // The server is left to wind down as a process would after `shutdown`: a debounced publication still pending then
    // goes nowhere (disposing its connection instead would make that late write throw after the test ended).
    close: async () => {
      fromServer.unpipe(toClient);
      fromServer.resume();
    },
  };
}

export function childProcessServer(command: string[], env: NodeJS.ProcessEnv): ServerTransport {
  const child = spawn(process.execPath, ['--enable-source-maps', ...command], { stdio: ['pipe', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  return {
    reader: new StreamMessageReader(child.stdout),
    writer: new StreamMessageWriter(child.stdin),
    pid: child.pid,
    stderr: () => stderr,
    exitCode: () => child.exitCode,
    canExit: true,
    close: async () => {
      const exited = new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) resolve();
        else child.once('exit', () => resolve());
      });
      const timer = setTimeout(() => child.kill(), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
