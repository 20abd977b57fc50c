/** The architecture's import boundaries live in eslint.config.mjs; this proves the rules fire where they should and only there. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const ROOT = join(__dirname, '..', '..');
const eslint = new ESLint({ cwd: ROOT });

/** The boundary messages ESLint reports for `code` as if it were the file at `path` (other rules are ignored). */
async function boundaryMessages(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => `${m.line}: ${m.message}`);
}

const PURE = 'analysis/ is pure: it imports only `yaml` and files inside analysis/ (I/O lives in lsp/, registry/, cli/).';
const CLIENT = 'client/ talks to the server over LSP only; shared types live in protocol/.';
const LSP = 'only server.ts and main.ts import lsp/: settings live in settings/, files are read through runtime.fs.';
const FS = 'the server reads files through runtime.fs (fs/file-system.ts), not node:fs or the disk helpers.';
const CLI = 'the CLI takes positions from analysis/model/line-index.ts, not from LSP documents or types.';

const cases: [path: string, code: string, want: string[]][] = [
  ['server/src/analysis/analyze.ts', "import { parse } from 'yaml';\nimport { x } from './model/manifest';\nexport { parse, x };\n", []],
  ['server/src/analysis/rules/support/ports.ts', "import { x } from '../../model/span';\nexport { x };\n", []],
  ['server/src/analysis/rules/foo.ts', "import { readFileSync } from 'node:fs';\nexport { readFileSync };\n", [`1: '${'node:fs'}' import is restricted from being used by a pattern. ${PURE}`]],
  ['server/src/analysis/rules/foo.ts', "import { x } from '../../lsp/convert';\nexport { x };\n", [`1: '../../lsp/convert' import is restricted from being used by a pattern. ${PURE}`]],
  ['server/src/analysis/analyze.ts', "export { main } from '../main';\n", [`1: '../main' import is restricted from being used by a pattern. ${PURE}`]],
  ['server/src/analysis/rules/support/ports.ts', "import { x } from '../../../registry/http';\nexport { x };\n", [`1: '../../../registry/http' import is restricted from being used by a pattern. ${PURE}`]],
  ['server/src/analysis/k8s/qos.ts', "import type { Hover } from 'vscode-languageserver';\nexport type { Hover };\n", [`1: 'vscode-languageserver' import is restricted from being used by a pattern. ${PURE}`]],
  ['server/src/analysis/k8s/qos.ts', "export const load = () => import('./names');\n", ['1: analysis/ is pure: no dynamic import().']],
  ['client/src/commands.ts', "import { x } from '../../server/src/lsp/command-ids';\nexport { x };\n", [`1: '../../server/src/lsp/command-ids' import is restricted from being used by a pattern. ${CLIENT}`]],
  ['client/src/commands.ts', "import type { StartupPlan } from '../../protocol/startup-plan';\nexport type { StartupPlan };\n", []],
  // Outside analysis/ the edges may import anything but the boundaries below.
  ['server/src/registry/credentials.ts', "import { readFileSync } from 'node:fs';\nexport { readFileSync };\n", []],
  ['server/src/cli/inputs.ts', "import { nodeFileSystem } from '../fs/node-file-system';\nexport { nodeFileSystem };\n", []],
  // The server's files come through runtime.fs.
  ['server/src/lsp/hover.ts', "import { readFileSync } from 'node:fs';\nexport { readFileSync };\n", [`1: 'node:fs' import is restricted from being used by a pattern. ${FS}`]],
  ['server/src/lsp/definition.ts', "import { readRegularFile } from '../fs/read-file';\nexport { readRegularFile };\n", [`1: '../fs/read-file' import is restricted from being used by a pattern. ${FS}`]],
  ['server/src/workspace/scan.ts', "import { readdir } from 'node:fs/promises';\nexport { readdir };\n", [`1: 'node:fs/promises' import is restricted from being used by a pattern. ${FS}`]],
  ['server/src/workspace/scan.ts', "import { x } from '../lsp/convert';\nexport { x };\n", [`1: '../lsp/convert' import is restricted from being used by a pattern. ${LSP}`]],
  ['server/src/workspace/scan.ts', "import { findYamlFiles } from '../fs/walk';\nexport { findYamlFiles };\n", []],
  // lsp/ is imported by the wiring only: the rest of the server (registry/, cli/, workspace/, the runtime) stays out of it.
  ['server/src/registry/from-settings.ts', "import type { Settings } from '../lsp/settings';\nexport type { Settings };\n", [`1: '../lsp/settings' import is restricted from being used by a pattern. ${LSP}`]],
  ['server/src/cli/check.ts', "import { toRange } from '../lsp/convert';\nexport { toRange };\n", [`1: '../lsp/convert' import is restricted from being used by a pattern. ${LSP}`]],
  ['server/src/runtime.ts', "import type { ClientSettings } from './lsp/settings';\nexport type { ClientSettings };\n", [`1: './lsp/settings' import is restricted from being used by a pattern. ${LSP}`]],
  ['server/src/cli.ts', "import { ClientSettings } from './lsp/settings';\nexport { ClientSettings };\n", [`1: './lsp/settings' import is restricted from being used by a pattern. ${LSP}`]],
  ['server/src/cli/check.ts', "import { TextDocument } from 'vscode-languageserver-textdocument';\nexport { TextDocument };\n", [`1: 'vscode-languageserver-textdocument' import is restricted from being used by a pattern. ${CLI}`]],
  ['server/src/cli/check.ts', "import { LineIndex } from '../analysis/model/line-index';\nexport { LineIndex };\n", []],
  ['server/src/registry/from-settings.ts', "import type { Settings } from '../settings/settings';\nexport type { Settings };\n", []],
  ['server/src/server.ts', "import { ClientSettings } from './lsp/settings';\nexport { ClientSettings };\n", []],
  ['server/src/lsp/pin.ts', "import { toRange } from './convert';\nexport { toRange };\n", []],
];

for (const [path, code, want] of cases) {
  test(`boundaries: ${path} ${JSON.stringify(code.split('\n')[0])}`, async () => {
    assert.deepEqual(await boundaryMessages(path, code), want);
  });
}
