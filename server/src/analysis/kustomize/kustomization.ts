/**
 * A kustomization file read into a typed structure (what Kustomize would act on), without running kustomize.
 * Field names and shapes follow kubernetes-sigs/kustomize api/types/kustomization.go (Kustomization, Patch, Image,
 * Replica, Var, Label, ReplacementField); what is not written in the expected shape is left out, never guessed.
 */
import type { ManifestModel } from '../model/manifest';
import type { MapView, SeqView } from '../model/node-view';
import type { Span } from '../model/span';
import type { FieldOptions, Replacement, ResourceSelector } from './replacements';

/** A hostile kustomization with a million entries is read up to this many per list (real ones have tens). */
export const MAX_ENTRIES_PER_LIST = 1_000;

/** kustomize api/types/selector.go Selector (a patch's `target`): the object fields and the selectors. */
export interface PatchTarget {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

export interface KustomizePatch {
  /** Where it came from: `patches`, `patchesStrategicMerge` or `patchesJson6902`. */
  field: 'patches' | 'patchesStrategicMerge' | 'patchesJson6902';
  /** A file, relative to the kustomization's folder. */
  path?: string;
  /** An inline patch's text (the `patch:` scalar, or a `patchesStrategicMerge` entry that is not a file name). */
  inline?: string;
  /** Local span of the inline text's scalar, or of the path. */
  span: Span;
  target?: PatchTarget;
}

/** kustomize api/types/image.go Image: which image to change, and to what. */
export interface KustomizeImage {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
  /** Local span of the whole `images:` entry (a mapping). */
  span: Span;
  /** Local spans of its fields, for edits (pinning writes `digest:`). */
  fields: Partial<Record<'name' | 'newName' | 'newTag' | 'digest', Span>>;
}

export interface KustomizeVar {
  name: string;
  span: Span;
}

export interface Kustomization {
  /** Offset of the kustomization's document in its file: spans above are local to it (add this for file offsets). */
  offset: number;
  /** `Kustomization` (kustomize.config.k8s.io/v1beta1) or `Component` (v1alpha1); undefined when not written (kustomize defaults it). */
  kind: string | undefined;
  /** `resources` then `bases` (FixKustomization appends bases to resources). */
  resources: string[];
  components: string[];
  patches: KustomizePatch[];
  images: KustomizeImage[];
  replicas: Array<{ name: string; count: number }>;
  namespace: string | undefined;
  namePrefix: string | undefined;
  nameSuffix: string | undefined;
  /** `commonLabels` (selectors too) and the `labels` entries' pairs. */
  labels: Record<string, string>;
  /**
   * The labels kustomize also writes into selectors, creating `spec.selector.matchLabels` of Deployments, ReplicaSets,
   * DaemonSets and StatefulSets (builtinpluginconsts/commonlabels.go, `create: true`): `commonLabels` and the `labels`
   * entries with `includeSelectors: true`.
   */
  selectorLabels: Record<string, string>;
  vars: KustomizeVar[];
  /** Number of `replacements` entries. */
  replacements: number;
  /** The inline `replacements` entries with a source and targets (entries naming a `path:` file are left out). */
  replacementRules: Replacement[];
}

const KUSTOMIZATION_NAMES = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);

/** kustomize konfig RecognizedKustomizationFileNames: the three names a folder's kustomization may have. */
export function isKustomizationFileName(pathOrUri: string): boolean {
  const name = pathOrUri.slice(Math.max(pathOrUri.lastIndexOf('/'), pathOrUri.lastIndexOf('\\')) + 1);
  return KUSTOMIZATION_NAMES.has(name);
}

function firstItems(seq: SeqView | undefined): ReturnType<SeqView['items']> {
  return seq ? seq.items().slice(0, MAX_ENTRIES_PER_LIST) : [];
}

function strings(root: MapView, key: string): string[] {
  return firstItems(root.seq(key)).flatMap((i) => (typeof i.value === 'string' && i.value !== '' ? [i.value] : []));
}

function stringMap(view: MapView | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of (view?.keys() ?? []).slice(0, MAX_ENTRIES_PER_LIST)) {
    const v = view!.get(key)?.value;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[key] = String(v);
  }
  return out;
}

function readTarget(view: MapView | undefined): PatchTarget | undefined {
  if (!view) return undefined;
  const target: PatchTarget = {};
  for (const key of ['group', 'version', 'kind', 'name', 'namespace', 'labelSelector', 'annotationSelector'] as const) {
    const v = view.string(key);
    if (v !== undefined) target[key] = v;
  }
  return target;
}

/**
 * kustomization.go FixKustomizationPreMarshalling: a `patchesStrategicMerge` entry is a file when kustomize can read
 * it, else an inline patch. Without reading files here, an entry of one line with no `:` is a file name; a patch
 * needs at least one `key: value`.
 */
function isFileName(entry: string): boolean {
  return !entry.includes('\n') && !/:(\s|$)/.test(entry) && !entry.trimStart().startsWith('{');
}

function readPatches(root: MapView): KustomizePatch[] {
  const out: KustomizePatch[] = [];
  for (const field of ['patches', 'patchesJson6902'] as const) {
    for (const { view } of (root.seq(field)?.maps() ?? []).slice(0, MAX_ENTRIES_PER_LIST)) {
      const path = view.get('path');
      const inline = view.get('patch');
      const target = readTarget(view.map('target'));
      if (typeof path?.value === 'string' && path.value !== '') out.push({ field, path: path.value, span: path.span, target });
      else if (typeof inline?.value === 'string') out.push({ field, inline: inline.value, span: inline.span, target });
    }
  }
  for (const item of firstItems(root.seq('patchesStrategicMerge'))) {
    if (typeof item.value !== 'string' || item.value === '') continue;
    out.push(isFileName(item.value) ? { field: 'patchesStrategicMerge', path: item.value.trim(), span: item.span } : { field: 'patchesStrategicMerge', inline: item.value, span: item.span });
  }
  return out;
}

function readImages(root: MapView): KustomizeImage[] {
  const out: KustomizeImage[] = [];
  // `imageTags` is the deprecated spelling; FixKustomization appends it to `images`.
  for (const key of ['images', 'imageTags']) {
    for (const { view } of (root.seq(key)?.maps() ?? []).slice(0, MAX_ENTRIES_PER_LIST)) {
      const name = view.string('name');
      if (!name) continue;
      const image: KustomizeImage = { name, span: view.span, fields: {} };
      for (const f of ['name', 'newName', 'newTag', 'digest'] as const) {
        const field = view.get(f);
        if (!field) continue;
        image.fields[f] = field.span;
        // newTag: 1.27 reads as a number in YAML; kustomize's Go struct takes it as a string after sigs.k8s.io/yaml.
        const v = field.value;
        if (f !== 'name' && (typeof v === 'string' || typeof v === 'number')) image[f] = String(v);
      }
      out.push(image);
    }
  }
  return out;
}

function readSelector(view: MapView | undefined): ResourceSelector {
  const out: ResourceSelector = {};
  for (const key of ['group', 'version', 'kind', 'name', 'namespace'] as const) {
    const v = view?.string(key);
    if (v) out[key] = v;
  }
  return out;
}

function readOptions(view: MapView | undefined): FieldOptions | undefined {
  if (!view) return undefined;
  const index = view.get('index')?.value;
  return { delimiter: view.string('delimiter'), index: typeof index === 'number' ? index : 0, create: view.get('create')?.value === true };
}

/** api/types/replacement.go Replacement, SourceSelector, TargetSelector and FieldOptions. */
function readReplacements(root: MapView): Replacement[] {
  return (root.seq('replacements')?.maps() ?? []).slice(0, MAX_ENTRIES_PER_LIST).flatMap(({ view }) => {
    const source = view.map('source');
    const targets = (view.seq('targets')?.maps() ?? []).slice(0, MAX_ENTRIES_PER_LIST).flatMap(({ view: t }) => {
      const select = t.map('select');
      if (!select) return [];
      return [{ select: readSelector(select), reject: (t.seq('reject')?.maps() ?? []).slice(0, MAX_ENTRIES_PER_LIST).map((r) => readSelector(r.view)), fieldPaths: strings(t, 'fieldPaths'), options: readOptions(t.map('options')) }];
    });
    if (!source || targets.length === 0) return [];
    return [{ source: { ...readSelector(source), fieldPath: source.string('fieldPath'), options: readOptions(source.map('options')) }, targets }];
  });
}

/** The first kustomization document of a file, read; undefined when the file holds none. */
export function readKustomization(model: ManifestModel): Kustomization | undefined {
  const document = model.documents.find((d) => d.root && (d.kind === undefined || d.kind === 'Kustomization' || d.kind === 'Component'));
  const root = document?.root;
  if (!root) return undefined;
  const labels = stringMap(root.map('commonLabels'));
  const selectorLabels = { ...labels };
  for (const { view } of (root.seq('labels')?.maps() ?? []).slice(0, MAX_ENTRIES_PER_LIST)) {
    const pairs = stringMap(view.map('pairs'));
    Object.assign(labels, pairs);
    if (view.get('includeSelectors')?.value === true) Object.assign(selectorLabels, pairs);
  }
  const replicas = (root.seq('replicas')?.maps() ?? []).slice(0, MAX_ENTRIES_PER_LIST).flatMap(({ view }) => {
    const name = view.string('name');
    const count = view.get('count')?.value;
    return name && typeof count === 'number' ? [{ name, count }] : [];
  });
  const vars = (root.seq('vars')?.maps() ?? []).slice(0, MAX_ENTRIES_PER_LIST).flatMap(({ view }) => {
    const name = view.get('name');
    return typeof name?.value === 'string' && name.value !== '' ? [{ name: name.value, span: name.span }] : [];
  });
  return {
    offset: document.offset,
    kind: document.kind,
    resources: [...strings(root, 'resources'), ...strings(root, 'bases')].slice(0, MAX_ENTRIES_PER_LIST),
    components: strings(root, 'components'),
    patches: readPatches(root),
    images: readImages(root),
    replicas,
    namespace: root.string('namespace'),
    namePrefix: root.string('namePrefix'),
    nameSuffix: root.string('nameSuffix'),
    labels,
    selectorLabels,
    vars,
    replacements: Math.min(root.seq('replacements')?.length ?? 0, MAX_ENTRIES_PER_LIST),
    replacementRules: readReplacements(root),
  };
}
