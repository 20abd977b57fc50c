/**
 * The path language that says where a custom resource keeps its pod templates (built-in table and `podLens.podTemplates`):
 * `spec.template`, `spec.workerGroupSpecs[*].template`, `spec.*ReplicaSpecs[*].template`. Dots separate field names; a `*`
 * inside a name matches any run of characters (`*ReplicaSpecs`); `[*]` after a name visits every item of a list or every
 * value of a map. Paths are bounded: they come from user settings.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import { effectivePairs } from './merge-keys';
import { MapView, fieldPath, indexPath, resolveNode } from './node-view';

export interface PathSegment {
  /** A field name, or a glob over field names when it holds `*`. */
  name: string;
  /** Visit every item (list) or value (map) of the field. */
  isEach: boolean;
}

const MAX_PATH_LENGTH = 256;
const MAX_PATH_SEGMENTS = 16;
/** Pod specs found in one object: a RayCluster with many worker groups stays far below; a hostile file cannot fan out. */
export const MAX_MATCHES = 64;

const SEGMENT = /^([A-Za-z0-9_$*-]+)(\[\*\])?$/;

/** Parses a path, or says why it is not one. */
export function parseTemplatePath(text: unknown): { ok: true; segments: PathSegment[] } | { ok: false; reason: string } {
  if (typeof text !== 'string' || text === '') return { ok: false, reason: 'a path must be a non-empty string' };
  if (text.length > MAX_PATH_LENGTH) return { ok: false, reason: `a path has at most ${MAX_PATH_LENGTH} characters` };
  const parts = text.split('.');
  if (parts.length > MAX_PATH_SEGMENTS) return { ok: false, reason: `a path has at most ${MAX_PATH_SEGMENTS} segments` };
  const segments: PathSegment[] = [];
  for (const part of parts) {
    const m = SEGMENT.exec(part);
    if (!m) return { ok: false, reason: `${JSON.stringify(part)} is not a field name (letters, digits, _, -, a * glob, then optionally [*])` };
    segments.push({ name: m[1]!, isEach: m[2] !== undefined });
  }
  return { ok: true, segments };
}

function matchesName(pattern: string, key: string): boolean {
  if (!pattern.includes('*')) return pattern === key;
  const parts = pattern.split('*');
  if (!key.startsWith(parts[0]!) || !key.endsWith(parts[parts.length - 1]!)) return false;
  let at = parts[0]!.length;
  for (const middle of parts.slice(1, -1)) {
    const found = key.indexOf(middle, at);
    if (found < 0) return false;
    at = found + middle.length;
  }
  return at <= key.length - parts[parts.length - 1]!.length;
}

/** The value nodes of a map's keys that match a name or glob, with their keys (one pass: maps can be hostile and huge). */
function matchingPairs(view: MapView, pattern: string): Array<{ key: string; node: unknown }> {
  const out: Array<{ key: string; node: unknown }> = [];
  const seen = new Set<string>();
  for (const pair of effectivePairs(view.doc, view.node)) {
    const key = isScalar(pair.key) ? pair.key.value : pair.key;
    // The first of a repeated key counts, as MapView.get reads it.
    if (typeof key !== 'string' || seen.has(key) || !matchesName(pattern, key)) continue;
    seen.add(key);
    out.push({ key, node: resolveNode(view.doc, pair.value) });
    if (out.length >= MAX_MATCHES) break;
  }
  return out;
}

/** The mappings a path reaches from a view, with their field paths (`spec.tfReplicaSpecs[Worker].template`), at most `MAX_MATCHES`. */
export function followTemplatePath(root: MapView, segments: readonly PathSegment[]): MapView[] {
  let current: MapView[] = [root];
  for (const segment of segments) {
    const next: MapView[] = [];
    const add = (node: unknown, path: string): void => {
      if (isMap(node) && next.length < MAX_MATCHES) next.push(new MapView(root.doc, node, path));
    };
    for (const view of current) {
      for (const { key, node } of matchingPairs(view, segment.name)) {
        const path = fieldPath(view.path, key);
        if (!segment.isEach) add(node, path);
        else if (isSeq(node)) {
          for (let i = 0; i < node.items.length && next.length < MAX_MATCHES; i++) add(resolveNode(view.doc, node.items[i]), indexPath(path, i));
        } else if (isMap(node)) {
          for (const entry of matchingPairs(new MapView(view.doc, node, path), '*')) add(entry.node, indexPath(path, entry.key));
        }
      }
    }
    current = next;
    if (current.length === 0) break;
  }
  return current;
}
