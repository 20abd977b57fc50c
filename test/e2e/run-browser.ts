/**
 * What a person sees: the VSIX installed into code-server, a workspace opened in Chromium, the Problems panel, a hover,
 * the startup code lens and its preview, "Pin to digest" from the light bulb, and the notification of a pin that fails.
 * Screenshots go to `shots`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { installVsix, newHome, startCodeServer, type CodeServerPaths } from '../support/code-server';
import { launchBrowser } from '../support/browser';

export interface BrowserRun {
  problems: string;
  hover: string;
  lens: string;
  previewOpened: boolean;
  pinnedLine: string;
  /** The light bulb's rows on an unpinned image. */
  bulbActions: string;
  /** The notification a failed pin shows, and every notification text shown then (none may be the generic one). */
  pinFailure: string;
  notifications: string;
  screenshots: string[];
}

const STEP_MS = 60_000;

/** Built-in themes of each kind (their labels in code-server 4.139's picker) and the class a webview's body gets. */
const PREVIEW_THEMES: Array<[string, string]> = [
  ['Light Modern', 'vscode-light'],
  ['Dark Modern', 'vscode-dark'],
  ['Dark High Contrast', 'vscode-high-contrast'],
];

/** Opens a file as a person would: a click on it in the Explorer (keyboard focus may sit in a webview). */
async function openFile(page: Page, name: string): Promise<void> {
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click({ timeout: STEP_MS });
  await page.locator(`.tab[aria-label^="${name}"], .tab:has-text("${name}")`).first().waitFor({ timeout: STEP_MS });
}

/**
 * Types into the open quick input until the row with `rowText` shows: the widget can reset its text while it is
 * still opening, so a fill that was lost is made again, until a deadline.
 */
async function fillQuickInput(page: Page, text: string, rowText: string): Promise<Locator> {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: rowText }).first();
  await input.waitFor({ timeout: STEP_MS });
  const deadline = Date.now() + STEP_MS;
  for (;;) {
    await input.fill(text);
    try {
      await row.waitFor({ timeout: 5000 });
      return row;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

/** Runs a command from the command palette by its title, as a person would. */
async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await (await fillQuickInput(page, `>${title}`, title)).click({ timeout: STEP_MS });
}

/** Runs a step again while it fails because its element was re-rendered (detached from the DOM), until a deadline. */
async function whileRerendered<T>(step: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + STEP_MS;
  for (;;) {
    try {
      return await step();
    } catch (error) {
      if (Date.now() > deadline || !/not attached|detached/i.test(String(error))) throw error;
    }
  }
}

/** The editor's rendered text of the line containing `needle`. */
function lineWith(page: Page, needle: string) {
  return page.locator('.monaco-editor .view-line', { hasText: needle }).first();
}

export async function runBrowser(editor: CodeServerPaths, vsix: string, workspace: string, pinImage: string, shots: string, unreachableImage: string): Promise<BrowserRun> {
  mkdirSync(shots, { recursive: true });
  const home = newHome();
  installVsix(editor, home, vsix);
  const server = await startCodeServer(editor, workspace, { home });
  const browser = await launchBrowser();
  const screenshots: string[] = [];
  const shot = async (page: Page, name: string) => {
    const file = join(shots, `${name}.png`);
    await page.screenshot({ path: file });
    screenshots.push(file);
  };
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`, { timeout: STEP_MS });
    await page.locator('.monaco-workbench').waitFor({ timeout: STEP_MS });

    await openFile(page, 'pod.yaml');
    await lineWith(page, 'nginx:latest').waitFor({ timeout: STEP_MS });
    // Problems panel: wait until Pod Lens has published.
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'image-tag-mutable' }).first();
    await row.waitFor({ timeout: STEP_MS });
    const problems = (await page.locator('.markers-panel').innerText()).trim();
    await shot(page, 'diagnostics');

    // The code lens adds a line above initContainers: wait for it first, so the text does not move under the mouse.
    const lensLink = page.locator('.codelens-decoration a', { hasText: 'Startup:' }).first();
    await lensLink.waitFor({ timeout: STEP_MS });

    // Hover the image; a hover can be lost to a late layout change, so move away and try again until a deadline.
    const hoverWidget = page.locator('.monaco-hover-content', { hasText: 'imagePullPolicy' }).first();
    const deadline = Date.now() + STEP_MS;
    for (;;) {
      await lineWith(page, 'nginx:latest').locator('span', { hasText: 'nginx' }).last().hover();
      try {
        await hoverWidget.waitFor({ timeout: 5000 });
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await page.mouse.move(5, 5);
      }
    }
    const hover = await hoverWidget.innerText();
    await shot(page, 'hover');
    // Close the hover for good before the lens: the mouse leaves the text and the widget must be gone, or it
    // covers the lens in the picture and takes the click.
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await page.locator('.monaco-hover-content').first().waitFor({ state: 'hidden', timeout: STEP_MS });

    // The startup lens, in clear view, then a click on it opens the preview. The editor re-renders its lenses when
    // the server asks it to refresh them (settings read, workspace indexed), detaching the element found a moment
    // before: such a step is tried again until the deadline.
    const lens = await whileRerendered(async () => {
      await lensLink.scrollIntoViewIfNeeded({ timeout: 5000 });
      return lensLink.innerText({ timeout: 5000 });
    });
    await shot(page, 'code-lens');
    await lensLink.click({ timeout: STEP_MS });
    const previewTab = page.locator('.tab', { hasText: 'Pod startup' }).first();
    await previewTab.waitFor({ timeout: STEP_MS });
    // The webview's own document lives in nested iframes; wait until its timeline is drawn.
    const frame = page.frameLocator('iframe.webview').frameLocator('iframe');
    await frame.locator('svg').first().waitFor({ timeout: STEP_MS });
    await shot(page, 'preview');
    const previewOpened = true;
    // The preview in each kind of theme, chosen as a person would (Preferences: Color Theme), with the panel
    // closed and the charts in view: the webview's body carries the theme kind once VS Code has applied it.
    await runCommand(page, 'View: Toggle Panel Visibility');
    await page.locator('.markers-panel').waitFor({ state: 'hidden', timeout: STEP_MS });
    for (const [theme, kind] of PREVIEW_THEMES) {
      await runCommand(page, 'Preferences: Color Theme');
      await fillQuickInput(page, theme, theme);
      await page.keyboard.press('Enter');
      await frame.locator(`body.${kind}`).waitFor({ timeout: STEP_MS });
      await frame.locator('svg[aria-label="memory requests by phase"]').scrollIntoViewIfNeeded({ timeout: STEP_MS });
      await shot(page, `preview-${kind.replace('vscode-', '')}`);
    }

    // Pin to digest from the light bulb.
    await openFile(page, 'pin.yaml');
    const pinLine = lineWith(page, pinImage.split(':')[0]!);
    await pinLine.waitFor({ timeout: STEP_MS });
    await pinLine.locator('span', { hasText: 'e2e' }).first().click();
    await page.keyboard.press('Control+.');
    const action = page.locator('.action-widget .monaco-list-row, .context-view .action-label', { hasText: 'Pin to digest' }).first();
    await action.waitFor({ timeout: STEP_MS });
    await shot(page, 'quick-fix');
    await action.click();
    const pinned = page.locator('.monaco-editor .view-line', { hasText: '@sha256:' }).first();
    await pinned.waitFor({ timeout: STEP_MS });
    const pinnedLine = (await pinned.innerText()).replace(/\u00a0/g, ' ');

    // A pin that fails (a registry nobody answers): the notification says why and what to try next.
    await openFile(page, 'pin-unreachable.yaml');
    // The image's line (the Pod is also named unreachable).
    const failLine = lineWith(page, 'unreachable/app');
    await failLine.waitFor({ timeout: STEP_MS });
    await failLine.locator('span', { hasText: 'unreachable' }).first().click();
    await page.keyboard.press('Control+.');
    const failAction = page.locator('.action-widget .monaco-list-row, .context-view .action-label', { hasText: 'Pin to digest' }).first();
    await failAction.waitFor({ timeout: STEP_MS });
    await page.locator('.action-widget .monaco-list-row', { hasText: 'Pin all images in this file' }).first().waitFor({ timeout: STEP_MS });
    const bulbActions = (await page.locator('.action-widget').first().innerText()).replace(/\u00a0/g, ' ');
    await failAction.click();
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: `could not pin ${unreachableImage}` }).first();
    await toast.waitFor({ timeout: STEP_MS });
    const pinFailure = (await toast.innerText()).replace(/\u00a0/g, ' ');
    const notifications = (await page.locator('.notifications-toasts').first().innerText()).replace(/\u00a0/g, ' ');
    await shot(page, 'pin-failure');
    return { problems, hover, lens, previewOpened, pinnedLine, bulbActions, pinFailure, notifications, screenshots };
  } catch (error) {
    const page = browser.pages()[0];
    if (page) await shot(page, 'failure').catch(() => undefined);
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- code-server log ---\n${server.log().slice(-4000)}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}
