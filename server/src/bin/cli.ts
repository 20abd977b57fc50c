/**
 * dist/cli.js, the `pod-lens` bin: turns source maps on before the minified bundle loads, so stack traces name the
 * TypeScript files (Node reads a file's source map only if maps were on when it was loaded).
 */
process.setSourceMapsEnabled(true);
// Kept external by esbuild.mjs: the bundle must load after the line above, which a hoisted import would not.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('./cli-bundle.js');
