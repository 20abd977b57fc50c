/** A status bar item on Kubernetes documents: Pod Lens is watching this file, and against which Kubernetes release. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_IDS } from './config';
import { TARGET_CHANGED_NOTIFICATION, TARGET_REQUEST, type TargetResult } from '../../protocol/target';
import { describeTargetForStatus, STATUS_TOOLTIP } from './target-label';

const WORKLOAD = /^\s*kind:\s*["']?(Pod|PodTemplate|Deployment|ReplicaSet|StatefulSet|DaemonSet|ReplicationController|Job|CronJob)["']?\s*(#.*)?$/m;

export function createStatusBar(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  item.name = 'Pod Lens';
  item.text = '$(symbol-namespace) Pod Lens';
  item.tooltip = STATUS_TOOLTIP;
  item.command = 'podLens.showStartupPreview';
  let asked = 0;
  const listening = new WeakSet<LanguageClient>();
  // The server decides the version in force (settings, or the file's own pin): ask it, and keep the last answer.
  const refreshTarget = async (doc: vscode.TextDocument) => {
    const c = client();
    if (!c?.isRunning()) return;
    if (!listening.has(c)) {
      listening.add(c);
      c.onNotification(TARGET_CHANGED_NOTIFICATION, update);
    }
    const ask = ++asked;
    try {
      const t = await c.sendRequest<TargetResult | undefined>(TARGET_REQUEST, { uri: doc.uri.toString() });
      if (ask !== asked || !t) return;
      const shown = describeTargetForStatus(t);
      item.text = shown.text;
      item.tooltip = shown.tooltip;
    } catch {
      // The server restarting: the next change asks again.
    }
  };
  const update = () => {
    const doc = vscode.window.activeTextEditor?.document;
    const show = doc && (LANGUAGE_IDS as readonly string[]).includes(doc.languageId) && WORKLOAD.test(doc.getText(new vscode.Range(0, 0, 2000, 0)));
    if (show) {
      item.show();
      void refreshTarget(doc);
    } else item.hide();
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
