/** The startup preview's commands (the webview lands with the startup-order capability). */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export function registerPreview(
  _context: vscode.ExtensionContext,
  _client: () => LanguageClient,
): Record<string, (...args: unknown[]) => unknown> {
  return {};
}
