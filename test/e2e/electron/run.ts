/**
 * Runner A: the same extension-host suite in desktop VS Code through @vscode/test-electron, for machines that can
 * download VS Code (or given VSCODE_EXECUTABLE_PATH). Runs on the minimum engines.vscode and on stable.
 * Not run here: these machines cannot reach the VS Code download site.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildSuite, ROOT, workspaceCopy } from '../prepare';

async function main(): Promise<void> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { vscode: string } };
  const minimum = pkg.engines.vscode.replace(/^\^/, '');
  const suite = await buildSuite();
  // The pin test needs a registry: the runner of the editor tests provides one; here the image is given by env.
  const workspace = workspaceCopy({ image: process.env.POD_LENS_E2E_PIN_IMAGE ?? 'localhost:5000/e2e/app:1.0', digest: process.env.POD_LENS_E2E_PIN_DIGEST ?? '' });
  const executable = process.env.VSCODE_EXECUTABLE_PATH;
  const versions = executable ? [undefined] : [minimum, 'stable'];
  for (const version of versions) {
    console.log(`extension-host suite on VS Code ${version ?? executable}`);
    await runTests({
      ...(executable ? { vscodeExecutablePath: executable } : { version }),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: suite,
      launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--disable-workspace-trust'],
    });
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
