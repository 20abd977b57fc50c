/** Bundled and run with plain node by the bench: how long the server takes to load the API catalog (evaluate it and answer a first lookup). */
const now = () => Number(process.hrtime.bigint()) / 1e6;
const start = now();
// A require, not an import: esbuild then evaluates the catalog module here, lazily, so its cost is what is timed.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const catalog = require('../server/src/analysis/schema/catalog') as typeof import('../server/src/analysis/schema/catalog');
const loaded = now();
catalog.catalogField('V1Container', 'image');
process.stdout.write(JSON.stringify({ catalogLoadMs: loaded - start, firstLookupMs: now() - loaded }));
