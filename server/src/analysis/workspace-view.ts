/** What rules may know about the rest of the workspace: other objects by kind, namespace and name (filled by workspace/). */
import type { CrdDefinition } from './crd/crd-definition';
import type { Span } from './model/span';
import type { JsonScalar } from './schema/read-scalar';

/** A quantity of a ResourceList as kubectl sends it (null also for one written as a mapping or list: not a quantity). */
export type IndexedQuantity = JsonScalar;

/**
 * Small, kind-specific facts of each indexed kind (never secret values). Object literal types, not interfaces, so an
 * object of a known kind is also an object whose facts are read by key (`IndexedObject<string>`).
 */
export interface IndexedFacts {
  /** `type` (Opaque when unset), the key names of `data` and `stringData`, and the registry hosts of a docker config. */
  Secret: { type: string; keys: string[]; registries?: string[] };
  /** The names of its `imagePullSecrets`. */
  ServiceAccount: { imagePullSecrets: string[] };
  /** Its handler and `overhead.podFixed`, when written. */
  RuntimeClass: { handler?: string; overhead?: Record<string, IndexedQuantity> };
  /** The key names of `data` and `binaryData`. */
  ConfigMap: { keys: string[] };
  Service: Record<string, never>;
  PersistentVolumeClaim: Record<string, never>;
  /** Its group, kind and bounded schemas. */
  CustomResourceDefinition: { definition: CrdDefinition };
}

export type IndexedKind = keyof IndexedFacts;

/** The facts of kind `K`; a kind known only at run time (a `string`) has its facts read by key. */
export type FactsOf<K extends string> = K extends IndexedKind ? IndexedFacts[K] : Readonly<Record<string, unknown>>;

export interface IndexedObject<K extends string = string> {
  kind: K;
  apiVersion: string | undefined;
  /** As written; undefined when the manifest leaves it to `kubectl -n` (the view's `defaultNamespace` when matching). */
  namespace: string | undefined;
  name: string;
  /** The file it is in (a URI in the editor, a path in the CLI). */
  uri: string;
  /** File span of the object's `metadata.name` value. */
  span: Span;
  facts: FactsOf<K>;
}

export interface WorkspaceView {
  /**
   * Objects of a kind with a name, in a namespace: an undefined namespace, asked or written, is `defaultNamespace`. An indexed kind
   * named as a literal gives its facts typed; rules that pass a kind held in a `string` read them by key.
   */
  find<K extends string>(kind: K, name: string, namespace: string | undefined): IndexedObject<K>[];
  /** Whether the workspace defines any object of this kind (a missing reference is then more likely a mistake). */
  hasKind(kind: string): boolean;
  /** The CustomResourceDefinition of a custom resource's API group and kind (the first by file and position), if any. */
  customResourceDefinition?(group: string, kind: string): CrdDefinition | undefined;
  /**
   * Where objects without a namespace go (`podLens.defaultNamespace`, `--namespace`), as `kubectl apply -n` puts
   * them; "default" when absent. Messages name it through `k8s/namespace.ts` `namespaceIn`.
   */
  defaultNamespace?: string;
}
