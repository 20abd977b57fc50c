// ESLint for every TypeScript file: typescript-eslint's recommended rules plus the architecture's import boundaries.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// analysis/ is pure (ARCHITECTURE.md): `yaml` and relative paths that stay inside analysis/ are all it may import.
// A relative path is checked by how many `..` it climbs, which a glob can do without knowing the file's depth.
const analysisImports = {
  patterns: [
    {
      regex: '^(?!yaml$|\\.{1,2}/)',
      message: 'analysis/ is pure: it imports only `yaml` and files inside analysis/ (I/O lives in lsp/, registry/, cli/).',
    },
  ],
};

/** The `../` depth that leaves analysis/ from a file `depth` folders below it. */
function escapeAnalysis(depth) {
  return {
    patterns: [
      ...analysisImports.patterns,
      {
        regex: `^(\\.\\./){${depth + 1},}`,
        message: 'analysis/ is pure: it imports only `yaml` and files inside analysis/ (I/O lives in lsp/, registry/, cli/).',
      },
    ],
  };
}

/** Outside lsp/ (and the wiring that starts it), nothing imports it: a relative path that reaches an `lsp` folder. */
const outsideLsp = {
  regex: '^\\.{1,2}/(\\.\\./)*lsp(/|$)',
  message: 'only server.ts and main.ts import lsp/: settings live in settings/, files are read through runtime.fs.',
};

/** The server's files come from its runtime (runtime.fs), so a test can hand it an in-memory workspace. */
const throughRuntimeFs = {
  regex: '^(node:)?fs(/promises)?$|(^|/)fs/(read-file|node-file-system)$',
  message: 'the server reads files through runtime.fs (fs/file-system.ts), not node:fs or the disk helpers.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', '.cache/**', 'test/e2e/suite/**/*.js', '**/*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      // Unused names are errors, except a leading underscore that marks "intentionally ignored".
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Tests and the strict index checks use `!` after a check the compiler cannot follow.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // Deeper files than listed below are held to depth 3: stricter than needed, so a new level fails loudly, not silently.
  { files: ['server/src/analysis/**/*.ts'], rules: { 'no-restricted-imports': ['error', escapeAnalysis(3)] } },
  { files: ['server/src/analysis/*.ts'], rules: { 'no-restricted-imports': ['error', escapeAnalysis(0)] } },
  { files: ['server/src/analysis/*/*.ts'], rules: { 'no-restricted-imports': ['error', escapeAnalysis(1)] } },
  { files: ['server/src/analysis/*/*/*.ts'], rules: { 'no-restricted-imports': ['error', escapeAnalysis(2)] } },
  {
    // no-restricted-imports sees only static imports; analysis/ loads nothing at run time either.
    files: ['server/src/analysis/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression', message: 'analysis/ is pure: no dynamic import().' },
        { selector: "CallExpression[callee.name='require']", message: 'analysis/ is pure: no require().' },
      ],
    },
  },
  {
    // lsp/ is the editor's edge: the rest of the server does not depend on it (settings live in settings/, files are
    // read through the runtime's fs port). Only the wiring (server.ts, main.ts) imports it.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/analysis/**', 'server/src/lsp/**', 'server/src/server.ts', 'server/src/main.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [outsideLsp] }] },
  },
  { files: ['server/src/lsp/**/*.ts', 'server/src/server.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [throughRuntimeFs] }] } },
  { files: ['server/src/workspace/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [outsideLsp, throughRuntimeFs] }] } },
  {
    // The CLI's positions come from analysis/model/line-index.ts: no LSP document (and no made-up URI) to count lines.
    files: ['server/src/cli/**/*.ts', 'server/src/cli.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [outsideLsp, { regex: '^vscode-languageserver', message: 'the CLI takes positions from analysis/model/line-index.ts, not from LSP documents or types.' }] },
      ],
    },
  },
  {
    files: ['client/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)server(/|$)', message: 'client/ talks to the server over LSP only; shared types live in protocol/.' }] },
      ],
    },
  },
  {
    // Plain Node scripts (the build, the test runner) run as ES modules with Node's globals.
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
