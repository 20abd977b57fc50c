/** The startup preview's commands and the document listener that keeps it live. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PREVIEW_COMMAND } from '../../../protocol/commands';
import { StartupPreview } from './panel';

export function registerPreview(context: vscode.ExtensionContext, client: () => LanguageClient): Record<string, (...args: unknown[]) => unknown> {
  const preview = new StartupPreview(client);
  context.subscriptions.push(vscode.workspace.onDidChangeTextDocument((e) => preview.documentChanged(e.document.uri)));
  return {
    // From the code lens the document's URI comes as an argument; from the palette, the active editor's.
    [PREVIEW_COMMAND]: (uri?: unknown) => {
      const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : vscode.window.activeTextEditor?.document.uri;
      if (!target) return vscode.window.showInformationMessage('Pod Lens: open a manifest to preview its startup order.');
      return preview.show(target);
    },
  };
}
