// Bundles the client, the server and the CLI into dist/ (CommonJS, Node 20), minified with linked source maps as the
// VSIX ships them; `--watch` rebuilds on change, unminified for debugging.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Linked maps: dist/x.js ends with a sourceMappingURL to dist/x.js.map, read by node --enable-source-maps.
  sourcemap: 'linked',
  sourcesContent: false,
  minify: !watch,
  // Function and class names survive minification: stack traces and dependencies that read `.name` stay right.
  keepNames: true,
  logLevel: 'warning',
  define: { POD_LENS_VERSION: JSON.stringify(pkg.version) },
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/bin/server.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/bin/cli-bundle.ts'], outfile: 'dist/cli-bundle.js' },
  // The bin shim stays tiny and unbundled so it can turn source maps on before the bundle loads.
  { ...common, entryPoints: ['server/src/bin/cli.ts'], outfile: 'dist/cli.js', bundle: false, minify: false, sourcemap: false, banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
