/**
 * Where the index puts objects that name no namespace. kubectl creates them in the namespace of `-n`, else the
 * kubeconfig context's, else `default`; Pod Lens is told it by `podLens.defaultNamespace`, which has `resource` scope,
 * so each workspace folder may name its own (a file takes its innermost folder's), and by the CLI's `--namespace`.
 */
import { namespaceIn } from '../analysis/k8s/namespace';

/** A workspace folder's own `podLens.defaultNamespace` ('' for `default`). */
export interface FolderNamespace {
  folder: string;
  namespace: string;
}

export class UnsetNamespaces {
  private workspace = namespaceIn(undefined, undefined);
  /** Folder URIs ending in '/', innermost (longest) first. */
  private folders: Array<{ prefix: string; namespace: string }> = [];

  /** The workspace's namespace and the folders' own; true when an answer changed. */
  set(namespace: string, folders: readonly FolderNamespace[]): boolean {
    const workspace = namespaceIn(namespace, undefined);
    const byFolder = folders
      .map((f) => ({ prefix: f.folder.endsWith('/') ? f.folder : `${f.folder}/`, namespace: namespaceIn(f.namespace, undefined) }))
      .sort((a, b) => b.prefix.length - a.prefix.length);
    if (workspace === this.workspace && JSON.stringify(byFolder) === JSON.stringify(this.folders)) return false;
    this.workspace = workspace;
    this.folders = byFolder;
    return true;
  }

  /** The workspace's, for a lookup that comes from no file. */
  get default(): string {
    return this.workspace;
  }

  /** Whether some folder names a namespace of its own (answers then depend on the file). */
  get perFolder(): boolean {
    return this.folders.length > 0;
  }

  /** For an object without a namespace in this file, or a lookup from it. */
  of(uri: string | undefined): string {
    if (uri !== undefined) for (const f of this.folders) if (uri.startsWith(f.prefix)) return f.namespace;
    return this.workspace;
  }
}
