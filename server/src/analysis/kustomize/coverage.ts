/**
 * What the workspace's kustomizations do to each file: which files are patches (partial objects), and which `vars`
 * names Kustomize substitutes in them. Pure: it walks the kustomizations' references as text (places.ts), never files.
 */
import { isKustomizationFileName, type Kustomization } from './kustomization';
import { folderOf, isRemote, placeKey, resolvePlace } from './places';

/** What Kustomize does with one file; plain data, so it can key caches. */
export interface KustomizeFacts {
  /** The kustomizations (places) that list this file as a patch: its objects are partial. */
  patchOf: string[];
  /** `vars` names whose `$(NAME)` Kustomize replaces in this file (declared by a kustomization that builds it). */
  vars: string[];
}

/**
 * Bounds against hostile trees: kustomizations one build may visit (cycles end at the visited set; this bounds fans),
 * and the total of references followed over all builds.
 */
export const MAX_KUSTOMIZATIONS_PER_BUILD = 500;
export const MAX_REFERENCES = 200_000;

const FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** A place in canonical form (decoded, `.`/`..` folded), so references and indexed files compare as text. */
export function normalizePlace(place: string): string {
  return resolvePlace(placeKey(place), '.');
}

interface Build {
  files: Map<string, 'resource' | 'patch'>;
  /** The kustomization that listed each patch file. */
  patchOwners: Map<string, string>;
  vars: Set<string>;
}

export function kustomizeCoverage(kustomizations: ReadonlyMap<string, Kustomization>): Map<string, KustomizeFacts> {
  const byPlace = new Map<string, Kustomization>();
  for (const [place, k] of kustomizations) if (isKustomizationFileName(place)) byPlace.set(normalizePlace(place), k);
  /** kustomize loads a folder through the kustomization file it holds (the first of the three names). */
  const kustomizationIn = (folder: string): string | undefined => FILE_NAMES.map((n) => resolvePlace(folder, n)).find((p) => byPlace.has(p));
  let budget = MAX_REFERENCES;

  function build(root: string): Build {
    const out: Build = { files: new Map(), patchOwners: new Map(), vars: new Set() };
    const visited = new Set<string>();
    const stack = [root];
    while (stack.length && visited.size < MAX_KUSTOMIZATIONS_PER_BUILD && budget > 0) {
      const place = stack.pop()!;
      if (visited.has(place)) continue;
      visited.add(place);
      const k = byPlace.get(place)!;
      const folder = folderOf(place);
      for (const v of k.vars) out.vars.add(v.name);
      for (const reference of [...k.resources, ...k.components]) {
        if (--budget <= 0) break;
        if (isRemote(reference)) continue;
        const target = resolvePlace(folder, reference);
        const nested = kustomizationIn(target);
        if (nested) stack.push(nested);
        else if (!out.files.has(target)) out.files.set(target, 'resource');
      }
      for (const patch of k.patches) {
        if (--budget <= 0) break;
        if (patch.path === undefined || isRemote(patch.path)) continue;
        const target = resolvePlace(folder, patch.path);
        out.files.set(target, 'patch');
        out.patchOwners.set(target, place);
      }
    }
    return out;
  }

  const facts = new Map<string, KustomizeFacts>();
  const factsOf = (place: string): KustomizeFacts => {
    let f = facts.get(place);
    if (!f) facts.set(place, (f = { patchOf: [], vars: [] }));
    return f;
  };
  for (const root of [...byPlace.keys()].sort()) {
    if (budget <= 0) break;
    const b = build(root);
    for (const [file, role] of b.files) {
      const f = factsOf(file);
      for (const v of b.vars) if (!f.vars.includes(v)) f.vars.push(v);
      const owner = b.patchOwners.get(file);
      if (role === 'patch' && owner && !f.patchOf.includes(owner)) f.patchOf.push(owner);
    }
  }
  for (const f of facts.values()) {
    f.vars.sort();
    f.patchOf.sort();
  }
  return facts;
}
