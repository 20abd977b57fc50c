/** The workspace index: objects by kind, namespace and name across files, kept small (facts only, no parse trees). */
import { indexObjects } from '../analysis/index-objects';
import { parseManifests, type ManifestModel } from '../analysis/model/manifest';
import type { IndexedObject, WorkspaceView } from '../analysis/workspace-view';
import { isKustomizationFileName, readKustomization, type Kustomization } from '../analysis/kustomize/kustomization';
import { kustomizeCoverage, normalizePlace, type KustomizeFacts } from '../analysis/kustomize/coverage';

/** An unset namespace means "default" (kubectl applies to the current namespace, usually default). */
function ns(namespace: string | undefined): string {
  return namespace && namespace !== '' ? namespace : 'default';
}

function byPlace(a: IndexedObject, b: IndexedObject): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.span.start - b.span.start;
}

export class WorkspaceIndex implements WorkspaceView {
  private readonly byUri = new Map<string, IndexedObject[]>();
  private readonly byKey = new Map<string, IndexedObject[]>();
  private readonly kindCounts = new Map<string, number>();
  /** Kustomization files by place, and what they make of each file (computed when first asked after a change). */
  private readonly kustomizations = new Map<string, Kustomization>();
  private coverage: Map<string, KustomizeFacts> | undefined;
  /** Bumped on every change, so analyses that read the index know they are stale. */
  generation = 0;

  /** Indexes a file's text (replacing what the file held before). Returns true when the index changed. */
  update(uri: string, text: string): boolean {
    if (isKustomizationFileName(uri)) return this.replaceKustomization(uri, readKustomization(parseManifests(text)));
    // Only files that can define indexed kinds are parsed: a cheap test first.
    const mayDefine = /^\s*kind:\s*["']?(Secret|ServiceAccount|RuntimeClass|ConfigMap|Service|PersistentVolumeClaim)\b/m.test(text) || /kind"?\s*:\s*"?(Secret|ServiceAccount|RuntimeClass|ConfigMap|Service|PersistentVolumeClaim)\b/.test(text);
    return this.replace(uri, mayDefine ? indexObjects(parseManifests(text), uri) : []);
  }

  /** Indexes an open document from the model the editor already parsed (no second parse per keystroke). */
  updateModel(uri: string, model: ManifestModel): boolean {
    if (isKustomizationFileName(uri)) return this.replaceKustomization(uri, readKustomization(model));
    return this.replace(uri, indexObjects(model, uri));
  }

  private replace(uri: string, objects: IndexedObject[]): boolean {
    const before = this.byUri.get(uri) ?? [];
    if (before.length === 0 && objects.length === 0) return false;
    if (JSON.stringify(before) === JSON.stringify(objects)) return false;
    this.remove(uri, false);
    if (objects.length) this.byUri.set(uri, objects);
    const touched = new Set<string>();
    for (const o of objects) {
      const key = `${o.kind}/${ns(o.namespace)}/${o.name}`;
      const list = this.byKey.get(key);
      if (list) list.push(o);
      else this.byKey.set(key, [o]);
      touched.add(key);
      this.kindCounts.set(o.kind, (this.kindCounts.get(o.kind) ?? 0) + 1);
    }
    // Definitions of one name in a fixed order (file, then position), whatever order the files came in: every
    // answer that reads the first one is then the same in the editor and in the CLI. Sorted once per name.
    for (const key of touched) this.byKey.get(key)!.sort(byPlace);
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

  remove(uri: string, bump = true): boolean {
    if (this.kustomizations.has(uri)) return this.replaceKustomization(uri, undefined);
    const objects = this.byUri.get(uri);
    if (!objects) return false;
    this.byUri.delete(uri);
    // One pass per name, however many times the file defines it.
    const gone = new Set(objects);
    const keys = new Set<string>();
    for (const o of objects) {
      keys.add(`${o.kind}/${ns(o.namespace)}/${o.name}`);
      this.kindCounts.set(o.kind, (this.kindCounts.get(o.kind) ?? 1) - 1);
    }
    for (const key of keys) {
      const rest = (this.byKey.get(key) ?? []).filter((x) => !gone.has(x));
      if (rest.length) this.byKey.set(key, rest);
      else this.byKey.delete(key);
    }
    if (bump) this.generation++;
    return true;
  }

  find(kind: string, name: string, namespace: string | undefined): IndexedObject[] {
    return this.byKey.get(`${kind}/${ns(namespace)}/${name}`) ?? [];
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
