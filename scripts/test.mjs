// `npm test`: installs the prerequisites that are missing (Debian packages as root, code-server in a cache folder),
// builds the bundles and the VSIX, type-checks, and runs every test: unit, fixtures, LSP, CLI, registry and editor.
import { ensureDebianPackages, run } from './prerequisites.mjs';
import { ensureEditor } from './editor-setup.mjs';

try {
  ensureDebianPackages();
  ensureEditor();
  run('npm', ['run', 'package']);
  run('npm', ['run', 'typecheck']);
  run(process.execPath, ['test/run.mjs']);
  run(process.execPath, ['test/run.mjs', 'test/e2e']);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(typeof error.status === 'number' && error.status > 0 ? error.status : 1);
}
