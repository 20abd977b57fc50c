/** Starts the Pod Lens language server over IPC and says once when it had to be restarted. */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { documentSelector, serverFacts } from './config';
import { pinFailureMiddleware } from './pin-failure';

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    // The bundle is minified: its source map turns stack traces in the log back into TypeScript files and lines.
    run: { module, transport: TransportKind.ipc, options: { execArgv: ['--enable-source-maps'] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--enable-source-maps', '--nolazy', '--inspect=6010'] } },
  };
  let restarts = 0;
  // The middleware sends requests through the client it belongs to, which exists only once the options are built.
  const self: { client?: LanguageClient } = {};
  const clientOptions: LanguageClientOptions = {
    middleware: pinFailureMiddleware(() => self.client, output),
    documentSelector: documentSelector(),
    outputChannel: output,
    initializationOptions: serverFacts(),
    // The server indexes other manifests of the workspace (pull secrets, ConfigMaps…): tell it when they change.
    synchronize: { configurationSection: 'podLens', fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}') },
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        restarts++;
        // Restart a crashed server, but not forever: a server that dies at once on start would loop.
        if (restarts > 4) {
          void vscode.window.showErrorMessage('Pod Lens: the language server stopped 5 times; see the "Pod Lens" output. Run "Pod Lens: Restart Server" to try again.');
          return { action: CloseAction.DoNotRestart, handled: true };
        }
        if (restarts === 1) void vscode.window.showWarningMessage('Pod Lens: the language server stopped unexpectedly and was restarted.');
        output.appendLine(`language server stopped; restart ${restarts}`);
        return { action: CloseAction.Restart, handled: true };
      },
    },
  };
  self.client = new LanguageClient('podLens', 'Pod Lens', serverOptions, clientOptions);
  return self.client;
}
