/** Extension entry: activate starts the language client, the status bar item and the commands; deactivate stops them. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { createLanguageClient } from './language-client';
import { createStatusBar } from './status-bar';
import { registerPreview } from './preview/register';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: () => LanguageClient | undefined }> {
  const output = vscode.window.createOutputChannel('Pod Lens');
  context.subscriptions.push(output);
  client = createLanguageClient(context, output);
  registerCommands(context, () => client!, registerPreview(context, () => client!));
  createStatusBar(context, () => client);
  // Trust changes what the server may do (registry calls, credential helpers): restart it with the new facts.
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      await client?.stop();
      client = createLanguageClient(context, output);
      await client.start();
    }),
  );
  await client.start();
  return { client: () => client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
