/** The client's commands, one table: id → handler. */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { CHOOSE_VERSION_COMMAND, PIN_ALL_COMMAND, type PinAllResult } from '../../protocol/commands';
import { chooseKubernetesVersion } from './choose-version';

async function pinAllImages(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const uri = editor.document.uri.toString();
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Pod Lens: resolving image digests…', cancellable: true },
    (_progress, token) => client.sendRequest(ExecuteCommandRequest.type, { command: PIN_ALL_COMMAND, arguments: [uri] }, token) as Promise<PinAllResult>,
  );
  if (!result) return;
  const failed = result.failed.map((f) => `${f.image}: ${f.message}`);
  const images = (n: number) => `${n} image${n === 1 ? '' : 's'}`;
  if (result.pinned.length === 0 && failed.length === 0) {
    void vscode.window.showInformationMessage('Pod Lens: every image in this file is already pinned to a digest.');
  } else if (failed.length === 0) {
    void vscode.window.showInformationMessage(`Pod Lens: pinned ${images(result.pinned.length)} to digests.`);
  } else {
    // The reasons, then one next step (failures in one file usually share their cause: the network, a login).
    const hints = [...new Set(result.failed.map((f) => f.hint))];
    void vscode.window.showWarningMessage(`Pod Lens could not pin ${images(failed.length)} (pinned ${result.pinned.length}): ${failed.join('; ')}. ${hints.join(' ')}`);
  }
}

export function registerCommands(
  context: vscode.ExtensionContext,
  client: () => LanguageClient,
  extra: Record<string, (...args: unknown[]) => unknown> = {},
): void {
  const table: Record<string, (...args: unknown[]) => unknown> = {
    'podLens.pinAllImages': () => pinAllImages(client()),
    'podLens.restartServer': () => client().restart(),
    [CHOOSE_VERSION_COMMAND]: (minor?: unknown) => chooseKubernetesVersion(client(), minor),
    ...extra,
  };
  for (const [id, handler] of Object.entries(table)) context.subscriptions.push(vscode.commands.registerCommand(id, handler));
}
