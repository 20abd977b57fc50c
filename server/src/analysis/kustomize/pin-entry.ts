/**
 * "Pin to digest" on a kustomization's `images:` entry: the image the entry makes (`newName` or `name`, with `newTag`)
 * is resolved at codeAction/resolve time like a container image, and the digest goes into the entry's `digest:`
 * (replaced when written, added after the entry's last field otherwise). kustomize then writes `name:tag@digest`
 * (updater.go: a new tag and a digest together keep both).
 */
import { isMap, isScalar } from 'yaml';
import { isDigest } from '../fixes/digest';
import { InvalidDigestError } from '../fixes/pin-image';
import { parseImageReference } from '../k8s/image-reference';
import type { ManifestModel } from '../model/manifest';
import { quoteOf } from '../model/node-view';
import type { Span } from '../model/span';
import type { DigestField, Fix } from '../rules/types';
import { readKustomization } from './kustomization';

function overlaps(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** Pin fixes of the `images:` entries that overlap `span` (file offsets) in a kustomization's model. */
export function kustomizeImagePinsAt(model: ManifestModel, span: Span): Fix[] {
  const k = readKustomization(model);
  const document = model.documents.find((d) => d.offset === k?.offset && d.root);
  if (!k || !document?.root) return [];
  const text = model.text;
  const fixes: Fix[] = [];
  const entries = [...(document.root.seq('images')?.maps() ?? []), ...(document.root.seq('imageTags')?.maps() ?? [])];
  for (const image of k.images) {
    const at = { start: image.span.start + k.offset, end: image.span.end + k.offset };
    if (!overlaps(at, span) || !image.newTag) continue;
    const target = `${image.newName ?? image.name}:${image.newTag}`;
    if (!parseImageReference(target).ok) continue;
    const entry = entries.find((e) => e.view.span.start === image.span.start)?.view;
    if (!entry) continue;
    const digest = entry.get('digest');
    let place: Span;
    let into: DigestField;
    let quote: '' | '"' | "'" = '';
    if (digest?.node && isScalar(digest.node)) {
      place = { start: digest.span.start + k.offset, end: digest.span.end + k.offset };
      quote = quoteOf(digest.node);
      into = { kind: 'kustomize-digest', before: text.slice(place.start, place.end), prefix: '' };
    } else if (!digest && isMap(entry.node)) {
      // Added after the last field's value: that value is the edit's anchor (rewritten as it is), so a changed entry is refused.
      const keys = entry.keys();
      const last = entry.get(keys[keys.length - 1]!);
      if (!last) continue;
      const isFlow = entry.node.flow === true;
      place = { start: last.span.start + k.offset, end: last.span.end + k.offset };
      // In a block entry the new line goes after the whole line, so a comment there stays with its field.
      if (!isFlow) {
        const nl = text.indexOf('\n', place.end);
        place.end = nl < 0 ? text.length : text[nl - 1] === '\r' ? nl - 1 : nl;
      }
      const before = text.slice(place.start, place.end);
      const lineStart = text.lastIndexOf('\n', entry.get(keys[0]!)!.keySpan.start + k.offset - 1) + 1;
      const column = entry.get(keys[0]!)!.keySpan.start + k.offset - lineStart;
      const eol = text.slice(0, place.start).includes('\r\n') ? '\r\n' : '\n';
      into = { kind: 'kustomize-digest', before, prefix: isFlow ? `${before}, digest: ` : `${before}${eol}${' '.repeat(column)}digest: ` };
    } else continue;
    fixes.push({ title: 'Pin to digest', kind: 'refactor', deferred: { type: 'pin-digest', image: target, span: place, quote, into } });
  }
  return fixes;
}

/** The text that replaces a digest field's span: only a digest passes (analysis/fixes/digest.ts). */
export function digestFieldText(into: DigestField, quote: '' | '"' | "'", digest: string): string {
  if (!isDigest(digest)) throw new InvalidDigestError(String(digest));
  return `${into.prefix}${quote}${digest}${quote}`;
}
