/** The bundle of the `pod-lens` command (dist/cli-bundle.js), loaded by the bin shim dist/cli.js once source maps are on. */
import { main } from '../cli';
import { MAX_INPUT_BYTES } from '../cli/inputs';
import { readStdinBounded } from '../fs/read-stdin';

void main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stdin: () => readStdinBounded(MAX_INPUT_BYTES),
  cwd: process.cwd(),
  env: process.env,
}).then((code) => {
  // -1: the command keeps running (the language server).
  if (code >= 0) process.exitCode = code;
});
