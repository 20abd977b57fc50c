/** Prepares an e2e run: the editor (code-server), the suite bundle, a workspace copy, and an image in a real registry. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

export const ROOT = join(__dirname, '..', '..');

export interface EditorPaths {
  node: string;
  entry: string;
}

export async function editorPaths(): Promise<EditorPaths> {
  const setup = (await import(join(ROOT, 'scripts', 'editor-setup.mjs'))) as { ensureEditor: () => EditorPaths };
  return setup.ensureEditor();
}

/** Bundles the extension-host suite (the `vscode` module comes from the host). */
export async function buildSuite(): Promise<string> {
  const outfile = join(ROOT, 'out', 'e2e', 'suite', 'index.js');
  await esbuild.build({ entryPoints: [join(ROOT, 'test', 'e2e', 'suite', 'index.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'warning' });
  return outfile;
}

/** A fresh copy of the e2e workspace with the pushed image written into pin.yaml and e2e.json. */
export function workspaceCopy(pin: { image: string; digest: string }): string {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-ws-'));
  cpSync(join(ROOT, 'test', 'e2e', 'workspace'), dir, { recursive: true });
  const pinFile = join(dir, 'pin.yaml');
  writeFileSync(pinFile, readFileSync(pinFile, 'utf8').replace('"PIN_IMAGE"', JSON.stringify(pin.image)));
  writeFileSync(join(dir, 'e2e.json'), JSON.stringify({ pinImage: pin.image, pinDigest: pin.digest }));
  return dir;
}
