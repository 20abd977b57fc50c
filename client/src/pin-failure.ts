/**
 * Failed pins as a notification that says why and what to try next. vscode-languageclient answers a failed
 * codeAction/resolve with "Request codeAction/resolve failed. Go to output" and nothing else, so the resolve of a
 * Pod Lens action is sent here instead: a pin failure (the server marks it `data.podLens: 'pin-failed'`) becomes its
 * own notification, and every other failure keeps the library's handling.
 */
import * as vscode from 'vscode';
import { CodeActionResolveRequest, ResponseError, type LanguageClient, type Middleware } from 'vscode-languageclient/node';
import { isPinFailure } from '../../protocol/commands';

const OPEN_SETTINGS = 'Registry Settings';
const SHOW_OUTPUT = 'Show Output';

/** The notification: the problem first, the next step, and buttons for the two places a fix is usually made. */
async function showPinFailure(failure: { image: string; reason: string; hint: string }, output: vscode.OutputChannel): Promise<void> {
  output.appendLine(`pin ${failure.image} failed: ${failure.reason}`);
  const choice = await vscode.window.showErrorMessage(`Pod Lens could not pin ${failure.image}: ${failure.reason}. ${failure.hint}`, OPEN_SETTINGS, SHOW_OUTPUT);
  if (choice === OPEN_SETTINGS) await vscode.commands.executeCommand('workbench.action.openSettings', 'podLens.registry');
  else if (choice === SHOW_OUTPUT) output.show(true);
}

export function pinFailureMiddleware(client: () => LanguageClient | undefined, output: vscode.OutputChannel): Pick<Middleware, 'resolveCodeAction'> {
  return {
    async resolveCodeAction(item, token, next) {
      const c = client();
      if (!c) return next(item, token);
      try {
        const result = await c.sendRequest(CodeActionResolveRequest.type, c.code2ProtocolConverter.asCodeActionSync(item), token);
        if (token.isCancellationRequested) return item;
        return await c.protocol2CodeConverter.asCodeAction(result, token);
      } catch (error) {
        if (!(error instanceof ResponseError) || !isPinFailure(error.data)) return c.handleFailedRequest(CodeActionResolveRequest.type, token, error, item);
        void showPinFailure(error.data, output);
        // The action unchanged (no edit): the editor applies nothing.
        return item;
      }
    },
  };
}
