/**
 * `pod-lens check` on a kustomization (or a folder holding one) also reads what it builds from: its resources,
 * components and patch files, and the kustomizations of the folders it names (`../../base`), as kustomize would.
 * Bounded: each place is read once (cycles end), and at most MAX_FOLLOWED kustomizations are followed.
 */
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { readKustomization } from '../analysis/kustomize/kustomization';
import { isKustomizationFileName } from '../analysis/kustomize/kustomization';
import { isRemote } from '../analysis/kustomize/places';
import { parseManifests } from '../analysis/model/manifest';
import { guardInput } from '../analysis/input-guard';
import { nodeFileSystem } from '../fs/node-file-system';
import type { Input, InputSet, ReadLimits } from './inputs';

const MAX_FOLLOWED = 200;
const FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

async function kind(file: string): Promise<'folder' | 'file' | undefined> {
  try {
    return (await nodeFileSystem.stat(file)).isDirectory() ? 'folder' : 'file';
  } catch {
    return undefined;
  }
}

/** The kustomization file a folder holds (kustomize reads the first of its three names). */
async function kustomizationIn(folder: string): Promise<string | undefined> {
  for (const name of FILE_NAMES) if ((await kind(join(folder, name))) === 'file') return name;
  return undefined;
}

export async function followKustomizations(set: InputSet, cwd: string, limits: ReadLimits): Promise<void> {
  const seen = new Set(set.inputs.map((i) => i.file));
  const queue: Input[] = set.inputs.filter((i) => isKustomizationFileName(i.file));
  let followed = 0;
  let total = set.inputs.reduce((n, i) => n + Buffer.byteLength(i.text), 0);
  const add = async (path: string): Promise<Input | undefined> => {
    const file = resolve(cwd, path);
    if (seen.has(file)) return undefined;
    seen.add(file);
    const read = await nodeFileSystem.readFile(file, limits.fileBytes);
    if (!read.ok) {
      set.unreadable.push({ path, reason: read.reason });
      return undefined;
    }
    if (total + Buffer.byteLength(read.text) > limits.totalBytes) {
      set.unreadable.push({ path, reason: `not read: this run already holds ${total} bytes of manifests, and ${limits.totalBytes} is the most one run reads` });
      return undefined;
    }
    total += Buffer.byteLength(read.text);
    const input = { path, file, text: read.text };
    set.inputs.push(input);
    return input;
  };
  while (queue.length && followed < MAX_FOLLOWED) {
    const k = queue.shift()!;
    followed++;
    const read = guardInput(k.text) ? undefined : readKustomization(parseManifests(k.text));
    if (!read) continue;
    const folder = dirname(k.path);
    const references = [...read.resources, ...read.components, ...read.patches.flatMap((p) => (p.path === undefined ? [] : [p.path]))];
    for (const reference of references) {
      if (isRemote(reference)) continue;
      const path = isAbsolute(reference) ? reference : join(folder, reference);
      const what = await kind(resolve(cwd, path));
      const rel = relative(resolve(cwd, folder), resolve(cwd, path));
      // kustomize's default load restrictor: a file outside the kustomization's folder is refused (folders may be elsewhere).
      if (what === 'file' && (rel.startsWith('..') || isAbsolute(rel))) {
        set.unreadable.push({ path, reason: `not read: kustomize refuses it ("security; file is not in or below ${folder}"): a kustomization may name files only in or below its own folder` });
      } else if (what === 'file') await add(path);
      else if (what === 'folder') {
        const name = await kustomizationIn(resolve(cwd, path));
        const nested = name === undefined ? undefined : await add(join(path, name));
        if (nested) queue.push(nested);
      }
    }
  }
}
