/** Bundle entry of dist/cli.js (the `pod-lens` command). */
import { readFileSync } from 'node:fs';
import { main } from '../cli';

void main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  stdin: () => readFileSync(0, 'utf8'),
}).then((code) => {
  // -1: the command keeps running (the language server).
  if (code >= 0) process.exitCode = code;
});
