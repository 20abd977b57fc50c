/**
 * What the workspace's kustomizations do to each file: which files are patches (partial objects), and which `vars`
 * names Kustomize substitutes in them. Pure: it walks the kustomizations' references as text (places.ts), never files.
 */
import { isKustomizationFileName, type Kustomization, type PatchTarget } from './kustomization';
import type { ImageRule } from './images';
import type { Replacement } from './replacements';
import { folderOf, isRemote, isWithin, placeKey, resolvePlace } from './places';

/** What Kustomize does with one file; plain data, so it can key caches. */
export interface KustomizeFacts {
  /** The kustomizations (places) that list this file as a patch: its objects are partial. */
  patchOf: string[];
  /** `vars` names whose `$(NAME)` Kustomize replaces in this file (declared by a kustomization that builds it). */
  vars: string[];
  /**
   * Per kustomization that builds the file (the root of a build), the `images:` entries applied to its containers,
   * innermost kustomization first; only builds that have some.
   */
  images: Array<{ kustomization: string; rules: ImageRule[] }>;
  /** For a patch: the resource files the kustomizations that list it build, where its base object is (at most MAX_PATCH_BASES). */
  patchBases: string[];
  /**
   * For a patch listed with a `target`: the objects it applies to (kind and name as written), instead of the patch's
   * own kind and name.
   */
  patchTargets: PatchTarget[];
  /**
   * The namespace Kustomize gives the file's objects (the outermost `namespace:` on the way from the file to the root
   * of a build), when every build that sets one agrees; undefined otherwise.
   */
  namespace?: string;
  /**
   * For a patch: the patch files of the kustomizations that list it, in the order kustomize applies them (`patches`,
   * then `patchesJson6902`, then `patchesStrategicMerge`, as FixKustomizationPreMarshalling appends them), itself included.
   */
  patchOrder: string[];
  /** The `target`s of the patch files of patchOrder (by place), for the ones listed with some. */
  orderTargets?: Record<string, PatchTarget[]>;
  /** For a patch: the `replicas:` and `replacements:` of the kustomization that lists it, applied after its patches. */
  replicas?: Array<{ name: string; count: number }>;
  replacements?: Replacement[];
  /** Every deployed build of the file writes selector labels (commonLabels): kustomize creates the workloads' selectors. */
  selectorLabels?: boolean;
}

export const MAX_PATCH_BASES = 200;

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
  /** The kustomization that listed each file, and each kustomization's parent in this build (the root has none). */
  owners: Map<string, string>;
  parents: Map<string, string | undefined>;
  /** The kustomization that listed each patch file. */
  patchOwners: Map<string, string>;
  patchTargets: Map<string, PatchTarget[]>;
  vars: Set<string>;
}

export function kustomizeCoverage(kustomizations: ReadonlyMap<string, Kustomization>): Map<string, KustomizeFacts> {
  const byPlace = new Map<string, Kustomization>();
  for (const [place, k] of kustomizations) if (isKustomizationFileName(place)) byPlace.set(normalizePlace(place), k);
  /** kustomize loads a folder through the kustomization file it holds (the first of the three names). */
  const kustomizationIn = (folder: string): string | undefined => FILE_NAMES.map((n) => resolvePlace(folder, n)).find((p) => byPlace.has(p));
  let budget = MAX_REFERENCES;
  /** Kustomizations another one builds on: not what gets deployed, so their namespace is not the last word. */
  const referenced = new Set<string>();

  function build(root: string): Build {
    const out: Build = { files: new Map(), owners: new Map(), parents: new Map(), patchOwners: new Map(), patchTargets: new Map(), vars: new Set() };
    const visited = new Set<string>();
    const stack: Array<[string, string | undefined]> = [[root, undefined]];
    while (stack.length && visited.size < MAX_KUSTOMIZATIONS_PER_BUILD && budget > 0) {
      const [place, parent] = stack.pop()!;
      if (visited.has(place)) continue;
      visited.add(place);
      out.parents.set(place, parent);
      const k = byPlace.get(place)!;
      const folder = folderOf(place);
      for (const v of k.vars) out.vars.add(v.name);
      for (const reference of [...k.resources, ...k.components]) {
        if (--budget <= 0) break;
        if (isRemote(reference)) continue;
        const target = resolvePlace(folder, reference);
        const nested = kustomizationIn(target);
        if (nested) {
          stack.push([nested, place]);
          referenced.add(nested);
        }
        else if (!out.files.has(target) && isWithin(folder, target)) {
          out.files.set(target, 'resource');
          out.owners.set(target, place);
        }
      }
      for (const patch of k.patches) {
        if (--budget <= 0) break;
        if (patch.path === undefined || isRemote(patch.path)) continue;
        const target = resolvePlace(folder, patch.path);
        if (!isWithin(folder, target)) continue;
        out.files.set(target, 'patch');
        out.owners.set(target, place);
        out.patchOwners.set(target, place);
        // An empty target selects every object: kustomize then patches them all.
        if (patch.target) {
          const list = out.patchTargets.get(target) ?? [];
          list.push(Object.fromEntries(Object.entries(patch.target).filter(([, v]) => v)) as PatchTarget);
          out.patchTargets.set(target, list);
        }
      }
    }
    return out;
  }

  /** The images entries from the kustomization that lists a file up to the build's root (a chain of parents: no cycle). */
  const imageChain = (b: Build, owner: string | undefined): ImageRule[] => {
    const rules: ImageRule[] = [];
    for (let at = owner; at !== undefined; at = b.parents.get(at)) {
      for (const i of byPlace.get(at)!.images) rules.push({ name: i.name, ...(i.newName ? { newName: i.newName } : {}), ...(i.newTag ? { newTag: i.newTag } : {}), ...(i.digest ? { digest: i.digest } : {}) });
    }
    return rules;
  };
  /** kustomize runs the namespace transformer of each level after its bases': the outermost `namespace:` wins. */
  const namespaceOf = (b: Build, owner: string | undefined): string | undefined => {
    let found: string | undefined;
    for (let at = owner; at !== undefined; at = b.parents.get(at)) found = byPlace.get(at)!.namespace || found;
    return found;
  };
  const namespaces: Array<{ root: string; file: string; namespace: string }> = [];
  const selectorBuilds: Array<{ root: string; file: string; adds: boolean }> = [];
  const addsSelector = (b: Build, owner: string | undefined): boolean => {
    for (let at = owner; at !== undefined; at = b.parents.get(at)) if (Object.keys(byPlace.get(at)!.selectorLabels).length > 0) return true;
    return false;
  };
  const facts = new Map<string, KustomizeFacts>();
  const factsOf = (place: string): KustomizeFacts => {
    let f = facts.get(place);
    if (!f) facts.set(place, (f = { patchOf: [], vars: [], images: [], patchBases: [], patchTargets: [], patchOrder: [] }));
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
      const namespace = namespaceOf(b, b.owners.get(file));
      if (namespace) namespaces.push({ root, file, namespace });
      selectorBuilds.push({ root, file, adds: addsSelector(b, b.owners.get(file)) });
      const rules = imageChain(b, b.owners.get(file));
      if (rules.length) f.images.push({ kustomization: root, rules });
      // The patch's base objects are what the kustomization listing it builds (kustomize patches after accumulating).
      if (role === 'patch' && owner === root) {
        const folder = folderOf(root);
        for (const p of byPlace.get(root)!.patches) {
          const place = p.path === undefined || isRemote(p.path) ? undefined : resolvePlace(folder, p.path);
          if (place && isWithin(folder, place) && !f.patchOrder.includes(place) && f.patchOrder.length < MAX_PATCH_BASES) f.patchOrder.push(place);
          // A JSON patch applies only at its target; a strategic-merge patch with one, there instead of its own id.
          if (place && p.target && f.patchOrder.includes(place)) ((f.orderTargets ??= {})[place] ??= []).push(Object.fromEntries(Object.entries(p.target).filter(([, v]) => v)) as PatchTarget);
        }
        const k = byPlace.get(root)!;
        if (k.replicas.length) f.replicas = k.replicas;
        if (k.replacementRules.length) f.replacements = k.replacementRules;
        for (const t of b.patchTargets.get(file) ?? []) if (!f.patchTargets.some((x) => JSON.stringify(x) === JSON.stringify(t))) f.patchTargets.push(t);
        for (const [other, otherRole] of b.files) if (otherRole === 'resource' && f.patchBases.length < MAX_PATCH_BASES && !f.patchBases.includes(other)) f.patchBases.push(other);
      }
    }
  }
  // A kustomization with inline patches merges them onto what it builds: its resource files are their bases.
  for (const root of [...byPlace.keys()].sort()) {
    const k = byPlace.get(root)!;
    if (budget <= 0 || !k.patches.some((p) => p.inline !== undefined)) continue;
    const f = factsOf(root);
    for (const [other, role] of build(root).files) if (role === 'resource' && f.patchBases.length < MAX_PATCH_BASES && !f.patchBases.includes(other)) f.patchBases.push(other);
    if (k.replicas.length) f.replicas = k.replicas;
    if (k.replacementRules.length) f.replacements = k.replacementRules;
  }
  // The namespace of the builds that are deployed (roots no other kustomization builds on), when they agree.
  const deployed = new Map<string, Set<string>>();
  for (const { root, file, namespace } of namespaces) if (!referenced.has(root)) deployed.set(file, (deployed.get(file) ?? new Set()).add(namespace));
  for (const [file, set] of deployed) if (set.size === 1) factsOf(file).namespace = [...set][0];
  const selectors = new Map<string, boolean>();
  for (const { root, file, adds } of selectorBuilds) if (!referenced.has(root)) selectors.set(file, (selectors.get(file) ?? true) && adds);
  for (const [file, adds] of selectors) if (adds) factsOf(file).selectorLabels = true;
  for (const f of facts.values()) {
    f.vars.sort();
    f.patchOf.sort();
    f.patchBases.sort();
  }
  return facts;
}
