// `npm test`: installs the prerequisites that are missing (Debian packages as root, code-server in a cache folder),
// builds the bundles and the VSIX, type-checks, and runs every test: unit, fixtures, LSP, CLI, registry and editor.
import { spawn } from 'node:child_process';
import { ensureDebianPackages, run } from './prerequisites.mjs';
import { ensureEditor } from './editor-setup.mjs';

/** Runs a test command, passing its output through and reading node:test's closing `# pass N` / `# fail N`. */
function runTests(args) {
  console.log(`\n$ node ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    const counts = { pass: 0, fail: 0, code: 0 };
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk).slice(-4000);
    });
    child.on('close', (code) => {
      counts.pass = Number(/^# pass (\d+)$/m.exec(tail)?.[1] ?? 0);
      counts.fail = Number(/^# fail (\d+)$/m.exec(tail)?.[1] ?? 0);
      counts.code = code ?? 1;
      resolve(counts);
    });
  });
}

try {
  ensureDebianPackages();
  ensureEditor();
  run('npm', ['run', 'package']);
  run('npm', ['run', 'typecheck']);
  run('npm', ['run', 'lint']);
  const main = await runTests(['test/run.mjs']);
  const editor = await runTests(['test/run.mjs', 'test/e2e']);
  const passed = main.pass + editor.pass;
  const failed = main.fail + editor.fail;
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(main.code || editor.code || (failed > 0 ? 1 : 0));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(typeof error.status === 'number' && error.status > 0 ? error.status : 1);
}
