/**
 * A status bar item on documents with pod specs: Pod Lens is watching this file. The server's model decides which
 * objects carry pod specs (built-in kinds, custom resources, podLens.podTemplates), so the item asks it rather than
 * keeping a copy of the kind list here.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { STARTUP_PLAN_REQUEST, type StartupPlanResult } from '../../protocol/startup-plan';
import { LANGUAGE_IDS } from './config';

/** Typing asks again after this pause, not on every keystroke. */
const CHANGE_DELAY_MS = 300;

/** Returns `refresh`, for when the server starts: the first question may have found none running. */
export function createStatusBar(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): () => void {
  const item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  item.name = 'Pod Lens';
  item.text = '$(symbol-namespace) Pod Lens';
  item.tooltip = 'Pod Lens is checking the pod specs of this file. Click for the startup preview.';
  item.command = 'podLens.showStartupPreview';
  // Answers can arrive out of order: only the latest question's answer counts.
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const update = async () => {
    const question = ++asked;
    const doc = vscode.window.activeTextEditor?.document;
    const running = client();
    if (!doc || !(LANGUAGE_IDS as readonly string[]).includes(doc.languageId) || !running?.isRunning()) return item.hide();
    let show = false;
    try {
      const plan = await running.sendRequest<StartupPlanResult>(STARTUP_PLAN_REQUEST, { uri: doc.uri.toString() });
      show = plan.workloads.length > 0;
    } catch {
      // A server restarting answers nothing: the next change or editor switch asks again.
    }
    if (question !== asked) return;
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
