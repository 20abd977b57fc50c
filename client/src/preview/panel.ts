/** The "Pod startup" webview panel: asks the server for the plan and redraws as the document changes. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { STARTUP_PLAN_REQUEST, type StartupPlanResult } from '../../../protocol/startup-plan';
import { renderPreview } from './render';

export class StartupPreview {
  private panel: vscode.WebviewPanel | undefined;
  private uri: vscode.Uri | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly client: () => LanguageClient) {}

  async show(uri: vscode.Uri): Promise<void> {
    this.uri = uri;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('podLens.startupPreview', 'Pod startup', vscode.ViewColumn.Beside, {
        enableScripts: false,
        enableFindWidget: true,
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
    }
    this.panel.title = `Pod startup: ${uri.path.split('/').pop() ?? ''}`;
    this.panel.reveal(vscode.ViewColumn.Beside, true);
    await this.refresh();
  }

  /** Called on every change of the shown document: redraw shortly after typing stops. */
  documentChanged(uri: vscode.Uri): void {
    if (!this.panel || uri.toString() !== this.uri?.toString()) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 250);
  }

  private async refresh(): Promise<void> {
    const panel = this.panel;
    const uri = this.uri;
    if (!panel || !uri) return;
    try {
      const plan = await this.client().sendRequest<StartupPlanResult>(STARTUP_PLAN_REQUEST, { uri: uri.toString() });
      panel.webview.html = renderPreview(plan, panel.title);
    } catch (error) {
      panel.webview.html = renderPreview({ workloads: [] }, `${panel.title} — ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
