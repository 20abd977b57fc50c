/** A status bar item on Kubernetes documents: Pod Lens is watching this file. */
import * as vscode from 'vscode';
import { LANGUAGE_IDS } from './config';

const WORKLOAD = /^\s*kind:\s*["']?(Pod|PodTemplate|Deployment|ReplicaSet|StatefulSet|DaemonSet|ReplicationController|Job|CronJob)["']?\s*(#.*)?$/m;

export function createStatusBar(context: vscode.ExtensionContext): void {
  const item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  item.name = 'Pod Lens';
  item.text = '$(symbol-namespace) Pod Lens';
  item.tooltip = 'Pod Lens is checking the pod specs of this file. Click for the startup preview.';
  item.command = 'podLens.showStartupPreview';
  const update = () => {
    const doc = vscode.window.activeTextEditor?.document;
    const show = doc && (LANGUAGE_IDS as readonly string[]).includes(doc.languageId) && WORKLOAD.test(doc.getText(new vscode.Range(0, 0, 2000, 0)));
    if (show) item.show();
    else item.hide();
  };
  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) update();
    }),
  );
  update();
}
