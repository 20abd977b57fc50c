/** Bundle entry of dist/cli.js (the `pod-lens` command). */
import { main } from '../cli';
import { MAX_INPUT_BYTES } from '../cli/inputs';
import { readStdinBounded } from '../fs/read-stdin';
import { VERSION } from '../real-runtime';
import { createDigestResolver } from '../registry/resolver';

void main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  stdin: () => readStdinBounded(MAX_INPUT_BYTES),
  resolver: () =>
    createDigestResolver({
      insecure: (process.env.POD_LENS_INSECURE_REGISTRIES ?? '').split(',').map((s) => s.trim()).filter(Boolean),
      caFile: process.env.POD_LENS_CA_FILE || undefined,
      userAgent: `pod-lens/${VERSION}`,
    }),
}).then((code) => {
  // -1: the command keeps running (the language server).
  if (code >= 0) process.exitCode = code;
});
