/**
 * A status bar item on documents with pod specs: Pod Lens is watching this file, and against which Kubernetes release.
 * The server's model decides which objects carry pod specs (built-in kinds, custom resources, podLens.podTemplates)
 * and which release is in force (settings, or the file's own pin), so the item asks it rather than keeping copies.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PREVIEW_COMMAND } from '../../protocol/commands';
import { STARTUP_PLAN_REQUEST, type StartupPlanResult } from '../../protocol/startup-plan';
import { TARGET_CHANGED_NOTIFICATION, TARGET_REQUEST, type TargetResult } from '../../protocol/target';
import { LANGUAGE_IDS } from './config';
import { describeTargetForStatus, STATUS_TOOLTIP } from './target-label';

/** Typing asks again after this pause, not on every keystroke. */
const CHANGE_DELAY_MS = 300;

/** Returns `refresh`, for when the server starts: the first question may have found none running. */
export function createStatusBar(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): () => void {
  const item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  item.name = 'Pod Lens';
  item.text = '$(symbol-namespace) Pod Lens';
  item.tooltip = STATUS_TOOLTIP;
  item.command = PREVIEW_COMMAND;
  // Answers can arrive out of order: only the latest question's answer counts.
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listening = new WeakSet<LanguageClient>();
  const update = async () => {
    const question = ++asked;
    const doc = vscode.window.activeTextEditor?.document;
    const running = client();
    if (!doc || !(LANGUAGE_IDS as readonly string[]).includes(doc.languageId) || !running?.isRunning()) return item.hide();
    if (!listening.has(running)) {
      listening.add(running);
      running.onNotification(TARGET_CHANGED_NOTIFICATION, () => void update());
    }
    let show = false;
    let target: TargetResult | undefined;
    try {
      const uri = doc.uri.toString();
      const [plan, t] = await Promise.all([
        running.sendRequest<StartupPlanResult>(STARTUP_PLAN_REQUEST, { uri }),
        running.sendRequest<TargetResult | undefined>(TARGET_REQUEST, { uri }),
      ]);
      show = plan.workloads.length > 0;
      target = t;
    } catch {
      // A server restarting answers nothing: the next change or editor switch asks again.
    }
    if (question !== asked) return;
    if (target) {
      const shown = describeTargetForStatus(target);
      item.text = shown.text;
      item.tooltip = shown.tooltip;
    }
    if (show) item.show();
    else item.hide();
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void update(), CHANGE_DELAY_MS);
  };
  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(() => void update()),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) later();
    }),
    { dispose: () => timer && clearTimeout(timer) },
  );
  void update();
  return () => void update();
}
