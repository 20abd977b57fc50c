/**
 * The commands client and server share: their ids, arguments and results. Both sides import this file, so a renamed
 * id or a changed result breaks the build instead of the editor.
 */

/** Runs on the server through workspace/executeCommand: pins every image of the file at `arguments[0]` (a URI). */
export const PIN_ALL_COMMAND = 'podLens.server.pinAllImages';

/** Every command the server executes (its executeCommandProvider). */
export const SERVER_COMMANDS = [PIN_ALL_COMMAND] as const;

/** Runs in the client: opens the startup-order preview of the document at `arguments[0]` (a URI), or the active one. */
export const PREVIEW_COMMAND = 'podLens.showStartupPreview';

/**
 * Runs in the client: writes `podLens.kubernetesVersion` (workspace settings, or user settings with no folder open).
 * `arguments[0]`, a minor such as `"1.33"`, skips the quick pick; one the server does not list changes nothing.
 */
export const CHOOSE_VERSION_COMMAND = 'podLens.chooseKubernetesVersion';

/** What the pin-all command answers. */
export interface PinAllResult {
  pinned: string[];
  /** `message` is the reason alone (the image is beside it); `hint` the next step, as in a failed quick fix. */
  failed: Array<{ image: string; message: string; hint: string }>;
  applied: boolean;
}

/**
 * A failed pin, as the `data` of a codeAction/resolve error: the client shows it as its own notification instead of
 * vscode-languageclient's generic "Request codeAction/resolve failed".
 */
export interface PinFailure {
  podLens: 'pin-failed';
  image: string;
  reason: string;
  /** What to try next, in one sentence. */
  hint: string;
}

export function isPinFailure(data: unknown): data is PinFailure {
  return typeof data === 'object' && data !== null && (data as { podLens?: unknown }).podLens === 'pin-failed';
}
