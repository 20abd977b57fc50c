// `npm test`: installs the prerequisites that are missing, builds, type-checks and runs every test.
import { ensureDebianPackages, run } from './prerequisites.mjs';

ensureDebianPackages();
try {
  run('npm', ['run', 'build']);
  run('npm', ['run', 'typecheck']);
  run(process.execPath, ['test/run.mjs']);
} catch (error) {
  process.exit(typeof error.status === 'number' ? error.status : 1);
}
