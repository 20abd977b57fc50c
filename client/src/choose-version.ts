/**
 * "Pod Lens: Choose Kubernetes Version". The server is the one list of releases (and knows which one is in force for
 * the active file, a pin included), so the command asks it through the status bar's request instead of keeping a copy.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TARGET_REQUEST, type TargetResult } from '../../protocol/target';
import { checkVersionArgument, versionItems, versionPlaceholder } from './version-choice';

async function askTarget(client: LanguageClient): Promise<TargetResult | undefined> {
  if (!client.isRunning()) return undefined;
  // No manifest open: the server answers with the settings' target for an unknown URI.
  const uri = vscode.window.activeTextEditor?.document.uri.toString() ?? '';
  // A server restarting answers nothing; the caller says so.
  return client.sendRequest<TargetResult | undefined>(TARGET_REQUEST, { uri }).catch(() => undefined);
}

/** `minor` (optional) skips the pick; a minor the server does not list shows an error and writes nothing. */
export async function chooseKubernetesVersion(client: LanguageClient, minor?: unknown): Promise<void> {
  const target = await askTarget(client);
  if (!target) {
    void vscode.window.showErrorMessage('Pod Lens: the language server is not running, so it cannot list the Kubernetes releases. Try again once it has started.');
    return;
  }
  let wanted = minor;
  if (wanted === undefined) {
    const picked = await vscode.window.showQuickPick(versionItems(target), { title: 'Pod Lens: Choose Kubernetes Version', placeHolder: versionPlaceholder(target) });
    if (!picked) return;
    wanted = picked.label;
  }
  const checked = checkVersionArgument(wanted, target.supported);
  if ('error' in checked) {
    void vscode.window.showErrorMessage(checked.error);
    return;
  }
  // The folder's settings travel with the manifests; with no folder open only the user settings exist.
  const scope = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration('podLens').update('kubernetesVersion', checked.minor, scope);
}
