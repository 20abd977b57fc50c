/** analysis/ compiles without DOM or Node types: timers, fetch, process, Buffer and console are not there to call. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import ts from 'typescript';

const CONFIG = join(__dirname, '..', '..', 'server', 'src', 'analysis', 'tsconfig.json');

const cases: [code: string, want: string[]][] = [
  ['export const t = setTimeout(() => 0, 1);', ["Cannot find name 'setTimeout'."]],
  ["export const r = fetch('https://example.com');", ["Cannot find name 'fetch'."]],
  ['export const e = process.env;', ["Cannot find name 'process'. Do you need to install type definitions for node? Try `npm i --save-dev @types/node` and then add 'node' to the types field in your tsconfig."]],
  ["export const b = Buffer.from('x');", ["Cannot find name 'Buffer'. Do you need to install type definitions for node? Try `npm i --save-dev @types/node` and then add 'node' to the types field in your tsconfig."]],
  ['export const l = console.log;', ["Cannot find name 'console'. Do you need to change your target library? Try changing the 'lib' compiler option to include 'dom'."]],
  // What analysis/ does use (host-globals.d.ts): pure functions both Node and browsers have.
  ["export const s = new TextDecoder().decode(Uint8Array.from(atob('eA=='), (c) => c.charCodeAt(0)));", []],
];

/** The type errors of each probe file, compiled together with analysis/'s own compiler options and globals. */
function compile(probes: Map<string, string>): Map<string, string[]> {
  const { config } = ts.readConfigFile(CONFIG, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, dirname(CONFIG));
  const host = ts.createCompilerHost(parsed.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) => {
    const text = probes.get(file);
    return text === undefined ? getSourceFile(file, language, ...rest) : ts.createSourceFile(file, text, language);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => probes.has(file) || fileExists(file);
  const globals = parsed.fileNames.filter((f) => f.endsWith('.d.ts'));
  const program = ts.createProgram([...probes.keys(), ...globals], parsed.options, host);
  return new Map(
    [...probes.keys()].map((file) => [
      file,
      ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    ]),
  );
}

test('analysis/tsconfig.json rejects host I/O and time, and allows the pure host functions', () => {
  const probes = new Map(cases.map(([code], i) => [join(dirname(CONFIG), `probe-${i}.ts`), code]));
  const got = compile(probes);
  assert.deepEqual([...got.values()], cases.map(([, want]) => want));
});
