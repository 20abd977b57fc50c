/**
 * What a kustomization's `images:` entries make of a container image, as kustomize's image transformer does
 * (api/filters/imagetag/updater.go SetImageValue, api/image/image.go IsImageMatched and Split).
 */

/** One `images:` entry, as plain data (facts carry it from the index to the analysis). */
export interface ImageRule {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}

/** image.go Split: name, tag and digest of `[[host[:port]/]component/]component[:tag][@digest]`. */
export function splitImage(image: string): { name: string; tag: string; digest: string } {
  // The host may hold a port (`host:5000/app`): the tag's `:` is searched after the first `/`.
  const slash = image.indexOf('/');
  const from = slash > 0 ? slash : 0;
  const search = image.slice(from);
  const at = search.indexOf('@');
  const colon = search.indexOf(':');
  if (colon < 0 && at < 0) return { name: image, tag: '', digest: '' };
  if (at >= 0 && (at < colon || colon < 0)) return { name: image.slice(0, from + at), tag: '', digest: image.slice(from + at + 1) };
  if (at >= 0) return { name: image.slice(0, from + colon), tag: image.slice(from + colon + 1, from + at), digest: image.slice(from + at + 1) };
  return { name: image.slice(0, from + colon), tag: image.slice(from + colon + 1), digest: '' };
}

/**
 * image.go IsImageMatched: the image is the entry's name, optionally with a tag (`[a-zA-Z0-9_.{}-]*`) and a sha256
 * digest. kustomize compiles the name into a regular expression unescaped; here it is matched as written (image names
 * have no special characters but `.`, which then also matches itself), so a hostile name cannot make matching slow.
 */
export function isImageMatched(image: string, name: string): boolean {
  if (name === '' || !image.startsWith(name)) return false;
  return /^(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$/.test(image.slice(name.length));
}

/** updater.go SetImageValue: one entry applied to one image; undefined when it does not match. */
export function applyImageRule(image: string, rule: ImageRule): string | undefined {
  if (!isImageMatched(image, rule.name)) return undefined;
  let { name, tag, digest } = splitImage(image);
  if (rule.newName) name = rule.newName;
  // A new tag or digest replaces both the old tag and the old digest.
  if (rule.newTag && rule.digest) [tag, digest] = [rule.newTag, rule.digest];
  else if (rule.newTag) [tag, digest] = [rule.newTag, ''];
  else if (rule.digest) [tag, digest] = ['', rule.digest];
  return `${name}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
}

/**
 * A chain of entries, innermost kustomization first: kustomize runs one image transformer per entry (each on the
 * previous one's result), and an overlay's transformers run on what its bases built.
 */
export function applyImageRules(image: string, rules: readonly ImageRule[]): string {
  let out = image;
  for (const rule of rules) out = applyImageRule(out, rule) ?? out;
  return out;
}
