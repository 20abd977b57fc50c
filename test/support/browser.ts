/** Debian's Chromium driven by playwright-core, started as the machine allows (no sandbox as root, no background network). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.POD_LENS_CHROMIUM ?? '/usr/bin/chromium';

/** A fresh profile per run; it is removed when the browser closes. */
export async function launchBrowser(): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'pod-lens-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.on('close', () => {
    // Best effort: Chromium may still be writing its profile as it exits; a leftover temp dir must not fail a test.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch {
      /* left in the temp folder */
    }
  });
  return context;
}
