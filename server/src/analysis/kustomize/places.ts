/**
 * Places named by kustomizations, as plain strings: a file's URI in the editor or its path in the CLI. Kustomize
 * resolves `resources`, `patches` and `components` against the kustomization's own folder; these functions do the same
 * with `/`-separated text (no file system), so the editor and the CLI agree.
 */

/** `file:` URIs are compared decoded (`%20` and a space are one place); Windows separators as `/`. */
export function placeKey(place: string): string {
  let key = place.replace(/\\/g, '/');
  if (key.startsWith('file:')) {
    try {
      key = decodeURIComponent(key);
    } catch {
      // A malformed escape stays as written: it can only match itself.
    }
  }
  return key;
}

/** The folder holding a place (`a/b/kustomization.yaml` → `a/b`). */
export function folderOf(place: string): string {
  const key = placeKey(place);
  const at = key.lastIndexOf('/');
  return at < 0 ? '.' : at === 0 ? '/' : key.slice(0, at);
}

/** kustomize takes URLs (git repos, http) as remote resources: nothing in the workspace to look at. */
export function isRemote(reference: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(reference) || /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(reference) || /^git@/.test(reference);
}

/**
 * A reference resolved against a folder: `..` and `.` segments folded, as filepath.Join does. An absolute reference
 * stands alone (kustomize accepts absolute paths); under a URI folder it keeps the URI's scheme and authority.
 */
export function resolvePlace(folder: string, reference: string): string {
  const ref = reference.replace(/\\/g, '/');
  const uri = /^(file:\/\/[^/]*)(\/.*)?$/.exec(folder);
  const prefix = uri ? uri[1]! : '';
  const base = uri ? (uri[2] ?? '/') : folder;
  const joined = ref.startsWith('/') ? ref : `${base}/${ref}`;
  const isAbsolute = joined.startsWith('/');
  const out: string[] = [];
  for (const segment of joined.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      // Above the root of an absolute path stays at the root; a relative path keeps its leading `..`.
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!isAbsolute) out.push('..');
    } else out.push(segment);
  }
  const path = `${isAbsolute ? '/' : ''}${out.join('/')}`;
  return `${prefix}${path === '' ? '.' : path}`;
}

/**
 * Whether a place is the folder itself or inside it. kustomize's default load restrictor (LoadRestrictionsRootOnly)
 * refuses a file outside the kustomization's folder: `security; file '…' is not in or below '…'`; only folders (other
 * kustomizations) may be elsewhere.
 */
export function isWithin(folder: string, place: string): boolean {
  const root = folder.endsWith('/') ? folder : `${folder}/`;
  return folder === '.' ? !place.startsWith('../') && place !== '..' && !place.startsWith('/') : place.startsWith(root);
}
