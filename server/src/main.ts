/** The language server over a real connection: builds the real runtime and starts the server (stdio or IPC, from argv). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { createRealRuntime } from './real-runtime';

export function runServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  startServer(connection, createRealRuntime((message) => connection.console.log(message)));
}
