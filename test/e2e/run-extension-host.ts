/**
 * Runner B: the extension-host suite in code-server. code-server runs the real VS Code workbench; with the smoke-test
 * driver option it honours the payload's extensionDevelopmentPath/extensionTestsPath like test-electron does, and
 * reports the suite's exit code through window.codeAutomationExit, which Playwright exposes to us.
 */
import { startCodeServer, type CodeServerPaths } from '../support/code-server';
import { launchBrowser } from '../support/browser';
import { ROOT } from './prepare';

export interface SuiteRun {
  code: number;
  log: string[];
}

export async function runExtensionHostSuite(editor: CodeServerPaths, workspace: string, suiteFile: string, deadlineMs = 300_000): Promise<SuiteRun> {
  const server = await startCodeServer(editor, workspace, { smokeTestDriver: true });
  const browser = await launchBrowser();
  const log: string[] = [];
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    const exit = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      log.push(`[${type}] ${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`);
    });
    const remote = (p: string) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(suiteFile)],
      ['skipWelcome', 'true'],
    ];
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`, { timeout: 120_000 });
    const timeout = new Promise<number>((_resolve, reject) =>
      setTimeout(() => reject(new Error(`the extension-host suite did not finish in ${deadlineMs} ms\n${log.join('\n')}\n${server.log()}`)), deadlineMs).unref(),
    );
    const code = await Promise.race([exit, timeout]);
    return { code, log };
  } finally {
    await browser.close();
    await server.stop();
  }
}
