/** The bundle of the `pod-lens` command (dist/cli-bundle.js), loaded by the bin shim dist/cli.js once source maps are on. */
import { readFileSync } from 'node:fs';
import { main } from '../cli';
import { VERSION } from '../real-runtime';
import { createDigestResolver } from '../registry/resolver';

void main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  stdin: () => readFileSync(0, 'utf8'),
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
