/** What rules may know about the rest of the workspace: other objects by kind, namespace and name (filled by workspace/). */
import type { CrdDefinition } from './crd/crd-definition';
import type { Span } from './model/span';

export interface IndexedObject {
  kind: string;
  apiVersion: string | undefined;
  /** As written; undefined when the manifest leaves it to `kubectl -n` (treated as "default" when matching). */
  namespace: string | undefined;
  name: string;
  /** The file it is in (a URI in the editor, a path in the CLI). */
  uri: string;
  /** File span of the object's `metadata.name` value. */
  span: Span;
  /** Small, kind-specific facts (never secret values): e.g. a Secret's type and key names, a RuntimeClass handler. */
  facts: Record<string, unknown>;
}

export interface WorkspaceView {
  /** Objects of a kind with a name, in a namespace (undefined namespace matches "default" and unset). */
  find(kind: string, name: string, namespace: string | undefined): IndexedObject[];
  /** Whether the workspace defines any object of this kind (a missing reference is then more likely a mistake). */
  hasKind(kind: string): boolean;
  /** The CustomResourceDefinition of a custom resource's API group and kind (the first by file and position), if any. */
  customResourceDefinition?(group: string, kind: string): CrdDefinition | undefined;
}
