/** The workspace index: objects by kind, namespace and name across files, kept small (facts only, no parse trees). */
import type { CrdDefinition } from '../analysis/crd/crd-definition';
import { indexObjects, mayDefineIndexedKind } from '../analysis/index-objects';
import { parseManifests, type ManifestModel } from '../analysis/model/manifest';
import type { IndexedObject, WorkspaceView } from '../analysis/workspace-view';
import { isKustomizationFileName, readKustomization, type Kustomization, type PatchTarget } from '../analysis/kustomize/kustomization';
import { kustomizeCoverage, normalizePlace, type KustomizeFacts } from '../analysis/kustomize/coverage';
import { UnsetNamespaces, type FolderNamespace } from './unset-namespaces';

/** Characters of manifest text the index keeps for merging Kustomize patches (about 64 MB of strings). */
export const MAX_KEPT_TEXT = 32_000_000;

/** Characters of base text one patch's analysis carries. */
export const MAX_PATCH_BASE_TEXT = 4_000_000;

/**
 * Objects are keyed by the namespace as written ('' when unset): what an unset one means is the default namespace,
 * which a setting changes without any file changing, so it is resolved when asked (`find`).
 */
function key(o: IndexedObject): string {
  return `${o.kind}/${o.namespace ?? ''}/${o.name}`;
}

/** The indexed kinds that live in no namespace (kustomize's namespace transformer leaves them alone too). */
const CLUSTER_SCOPED = new Set(['RuntimeClass', 'CustomResourceDefinition']);

function byPlace(a: IndexedObject, b: IndexedObject): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.span.start - b.span.start;
}

export class WorkspaceIndex implements WorkspaceView {
  private readonly byUri = new Map<string, IndexedObject[]>();
  private readonly byKey = new Map<string, IndexedObject[]>();
  /** The same objects by kind and name, whatever their namespace (Kustomize may give them another). */
  private readonly byName = new Map<string, IndexedObject[]>();
  private readonly kindCounts = new Map<string, number>();
  /** Kustomization files by place, and what they make of each file (computed when first asked after a change). */
  private readonly kustomizations = new Map<string, Kustomization>();
  private coverage: Map<string, KustomizeFacts> | undefined;
  /**
   * Texts of manifests, by place, so a Kustomize patch can be merged onto its base without a read at analysis time.
   * Bounded in total: past the budget, files are not kept (their patches are then checked without the merge).
   */
  private readonly texts = new Map<string, string>();
  private textChars = 0;
  private readonly crds = new Map<string, CrdDefinition>();
  private crdGeneration = -1;
  /** Bumped on every change, so analyses that read the index know they are stale. */
  generation = 0;
  private readonly unset = new UnsetNamespaces();

  constructor(defaultNamespace = '') {
    this.setDefaultNamespace(defaultNamespace);
  }

  /** Where objects without a namespace go (`podLens.defaultNamespace`, `--namespace`), outside folders with their own. */
  get defaultNamespace(): string {
    return this.unset.default;
  }

  /** '' means Kubernetes' own `default`; `folders` name their own. Returns true when the index now answers differently. */
  setDefaultNamespace(namespace: string, folders: readonly FolderNamespace[] = []): boolean {
    if (!this.unset.set(namespace, folders)) return false;
    this.generation++;
    return true;
  }

  /** Indexes a file's text (replacing what the file held before). Returns true when the index changed. */
  update(uri: string, text: string): boolean {
    if (isKustomizationFileName(uri)) return this.replaceKustomization(uri, readKustomization(parseManifests(text)));
    const kept = this.keepText(uri, text);
    // Only files that can define indexed kinds are parsed: a cheap test first.
    return this.replace(uri, mayDefineIndexedKind(text) ? indexObjects(parseManifests(text), uri) : []) || kept;
  }

  /** Indexes an open document from the model the editor already parsed (no second parse per keystroke). */
  updateModel(uri: string, model: ManifestModel): boolean {
    if (isKustomizationFileName(uri)) return this.replaceKustomization(uri, readKustomization(model));
    const kept = this.keepText(uri, model.text);
    return this.replace(uri, indexObjects(model, uri)) || kept;
  }

  private replace(uri: string, objects: IndexedObject[]): boolean {
    const before = this.byUri.get(uri) ?? [];
    if (before.length === 0 && objects.length === 0) return false;
    if (JSON.stringify(before) === JSON.stringify(objects)) return false;
    this.removeObjects(uri, false);
    if (objects.length) this.byUri.set(uri, objects);
    const touched = new Set<string>();
    for (const o of objects) {
      const k = key(o);
      const list = this.byKey.get(k);
      if (list) list.push(o);
      else this.byKey.set(k, [o]);
      touched.add(k);
      const named = this.byName.get(`${o.kind}/${o.name}`);
      if (named) named.push(o);
      else this.byName.set(`${o.kind}/${o.name}`, [o]);
      this.kindCounts.set(o.kind, (this.kindCounts.get(o.kind) ?? 0) + 1);
    }
    // Definitions of one name in a fixed order (file, then position), whatever order the files came in: every
    // answer that reads the first one is then the same in the editor and in the CLI. Sorted once per name.
    for (const k of touched) this.byKey.get(k)!.sort(byPlace);
    for (const o of objects) this.byName.get(`${o.kind}/${o.name}`)!.sort(byPlace);
    this.generation++;
    return true;
  }

  /** A kustomization's new reading; its spans are left out of the comparison (moving text changes no coverage). */
  private replaceKustomization(uri: string, k: Kustomization | undefined): boolean {
    const meaning = (x: Kustomization | undefined) => JSON.stringify(x, (key, v: unknown) => (key === 'span' || key === 'fields' || key === 'offset' ? undefined : v));
    if (meaning(this.kustomizations.get(uri)) === meaning(k)) {
      if (k) this.kustomizations.set(uri, k);
      return false;
    }
    if (k) this.kustomizations.set(uri, k);
    else this.kustomizations.delete(uri);
    this.coverage = undefined;
    this.generation++;
    return true;
  }

  /** What the workspace's kustomizations do to a file (patch, vars), or undefined when none names it. */
  kustomizeFacts(uri: string): KustomizeFacts | undefined {
    if (this.kustomizations.size === 0) return undefined;
    this.coverage ??= kustomizeCoverage(this.kustomizations);
    return this.coverage.get(normalizePlace(uri));
  }

  /** Keeps (or drops) a file's text; true when that changes what a Kustomize patch merges onto. */
  private keepText(uri: string, text: string | undefined): boolean {
    const key = normalizePlace(uri);
    const before = this.texts.get(key);
    if (before === text) return false;
    if (before !== undefined) {
      this.textChars -= before.length;
      this.texts.delete(key);
    }
    if (text !== undefined && /^\s*["']?kind["']?\s*:/m.test(text) && this.textChars + text.length <= MAX_KEPT_TEXT) {
      this.texts.set(key, text);
      this.textChars += text.length;
    }
    // A patch's merge reads this text: analyses of patches are stale when a file a kustomization builds changes.
    if (this.kustomizations.size === 0 || !this.kustomizeFacts(uri)) return false;
    this.generation++;
    return true;
  }

  /** The text of a manifest the index holds (for merging a patch onto it), by place. */
  textOf(place: string): string | undefined {
    return this.texts.get(normalizePlace(place));
  }

  /** A file is gone (deleted, or no longer a readable manifest): its objects, kustomization and text leave the index. */
  remove(uri: string): boolean {
    if (this.kustomizations.has(uri)) return this.replaceKustomization(uri, undefined);
    const kept = this.keepText(uri, undefined);
    return this.removeObjects(uri, true) || kept;
  }

  private removeObjects(uri: string, bump: boolean): boolean {
    const objects = this.byUri.get(uri);
    if (!objects) return false;
    this.byUri.delete(uri);
    // One pass per name, however many times the file defines it.
    const gone = new Set(objects);
    const keys = new Set<string>();
    for (const o of objects) {
      keys.add(key(o));
      this.kindCounts.set(o.kind, (this.kindCounts.get(o.kind) ?? 1) - 1);
    }
    for (const k of keys) {
      const rest = (this.byKey.get(k) ?? []).filter((x) => !gone.has(x));
      if (rest.length) this.byKey.set(k, rest);
      else this.byKey.delete(k);
    }
    for (const name of new Set(objects.map((o) => `${o.kind}/${o.name}`))) {
      const rest = (this.byName.get(name) ?? []).filter((x) => !gone.has(x));
      if (rest.length) this.byName.set(name, rest);
      else this.byName.delete(name);
    }
    if (bump) this.generation++;
    return true;
  }

  find<K extends string>(kind: K, name: string, namespace: string | undefined): IndexedObject<K>[] {
    return this.findFrom(undefined, kind, name, namespace);
  }

  /** `namespace` as asked; unset, it is the default namespace of the asking file (`from`). */
  private findFrom<K extends string>(from: string | undefined, kind: K, name: string, namespace: string | undefined): IndexedObject<K>[] {
    // Both maps are keyed by kind first: every object under `kind/…` is of that kind, with that kind's facts.
    const ofKind = (objects: IndexedObject[] | undefined) => (objects ?? []) as IndexedObject<K>[];
    // A cluster-scoped object is in no namespace, whatever folder it is in: the API server clears one written on it
    // (apiserver rest.BeforeCreate: `objectMeta.SetNamespace(metav1.NamespaceNone)` when not NamespaceScoped).
    if (CLUSTER_SCOPED.has(kind)) return ofKind(this.byName.get(`${kind}/${name}`));
    const wanted = namespace || this.unset.of(from);
    if (this.kustomizations.size === 0) {
      const named = this.byKey.get(`${kind}/${wanted}/${name}`) ?? [];
      // `kubectl apply -n <wanted>` puts the objects that name no namespace there too.
      const unset = (this.byKey.get(`${kind}//${name}`) ?? []).filter((o) => this.unset.of(o.uri) === wanted);
      return ofKind(unset.length === 0 ? named : named.length === 0 ? unset : [...named, ...unset].sort(byPlace));
    }
    // Objects a kustomization builds are in the namespace it gives them (`namespace:`), not the one written.
    const given = (o: IndexedObject) => this.kustomizeFacts(o.uri)?.namespace ?? o.namespace;
    return ofKind(this.byName.get(`${kind}/${name}`)).filter((o) => (given(o) || this.unset.of(o.uri)) === wanted);
  }

  /** The index as one file sees it: lookups in the namespace Kustomize gives its objects, else its folder's default. */
  viewFor(uri: string): WorkspaceView {
    const namespace = this.kustomizations.size === 0 ? undefined : this.kustomizeFacts(uri)?.namespace;
    if (namespace === undefined && !this.unset.perFolder) return this;
    return {
      find: (kind, name, written) => this.findFrom(uri, kind, name, namespace ?? written),
      hasKind: (kind) => this.hasKind(kind),
      customResourceDefinition: (group, kind) => this.customResourceDefinition(group, kind),
      defaultNamespace: this.unset.of(uri),
    };
  }

  /** CRDs by group and kind, rebuilt on the first question after a change (cluster-scoped: Kustomize namespaces do not apply). */
  customResourceDefinition(group: string, kind: string): CrdDefinition | undefined {
    if (!this.hasKind('CustomResourceDefinition')) return undefined;
    if (this.crdGeneration !== this.generation) {
      this.crds.clear();
      const all = [...this.byUri.values()].flat().filter((o) => o.kind === 'CustomResourceDefinition').sort(byPlace);
      for (const o of all) {
        const d = o.facts.definition as CrdDefinition;
        const key = `${d.group}/${d.kind}`;
        if (!this.crds.has(key)) this.crds.set(key, d);
      }
      this.crdGeneration = this.generation;
    }
    return this.crds.get(`${group}/${kind}`);
  }

  hasKind(kind: string): boolean {
    return (this.kindCounts.get(kind) ?? 0) > 0;
  }

  get size(): number {
    let n = 0;
    for (const list of this.byUri.values()) n += list.length;
    return n;
  }
}

/** The texts of the base files of a patch, or of a kustomization's inline patches, that the index holds. */
export function patchBases(index: WorkspaceIndex, facts: KustomizeFacts): Array<{ place: string; text: string }> {
  // A patch file's bases, or a kustomization's own (for its inline patches); other files have none.
  if (facts.patchBases.length === 0) return [];
  // The texts travel in the analysis options (and their cache key): a patch merges onto at most this much base text.
  let budget = MAX_PATCH_BASE_TEXT;
  return facts.patchBases.flatMap((place) => {
    const text = index.textOf(place);
    if (text === undefined || text.length > budget) return [];
    budget -= text.length;
    return [{ place, text }];
  });
}

/** The texts of the other patches of a patch's kustomization, each marked as applied before it or after it. */
export function otherPatches(index: WorkspaceIndex, facts: KustomizeFacts, uri: string): Array<{ place: string; text: string; isBefore: boolean; targets?: PatchTarget[] }> {
  const self = normalizePlace(uri);
  const at = facts.patchOrder.indexOf(self);
  if (at < 0) return [];
  let budget = MAX_PATCH_BASE_TEXT;
  return facts.patchOrder.flatMap((place, i) => {
    const text = i === at ? undefined : index.textOf(place);
    if (text === undefined || text.length > budget) return [];
    budget -= text.length;
    return [{ place, text, isBefore: i < at, ...(facts.orderTargets?.[place] ? { targets: facts.orderTargets[place] } : {}) }];
  });
}
