/**
 * The path language that says where a custom resource keeps its pod templates (built-in table and `podLens.podTemplates`):
 * `spec.template`, `spec.workerGroupSpecs[*].template`, `spec.*ReplicaSpecs[*].template`. Dots separate field names; a `*`
 * inside a name matches any run of characters (`*ReplicaSpecs`); `[*]` after a name visits every item of a list or every
 * value of a map. Paths are bounded: they come from user settings.
 */
import { isMap, isSeq } from 'yaml';
import { MapView, fieldPath, indexPath, resolveNode } from './node-view';

export interface PathSegment {
  /** A field name, or a glob over field names when it holds `*`. */
  name: string;
  /** Visit every item (list) or value (map) of the field. */
  isEach: boolean;
}

export const MAX_PATH_LENGTH = 256;
export const MAX_PATH_SEGMENTS = 16;
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

/** The mappings a path reaches from a view, with their field paths (`spec.tfReplicaSpecs[Worker].template`), at most `MAX_MATCHES`. */
export function followTemplatePath(root: MapView, segments: readonly PathSegment[]): MapView[] {
  let current: MapView[] = [root];
  for (const segment of segments) {
    const next: MapView[] = [];
    for (const view of current) {
      const keys = segment.name.includes('*') ? view.keys().filter((k) => matchesName(segment.name, k)) : [segment.name];
      for (const key of keys) {
        const field = view.get(key);
        if (!field) continue;
        const path = fieldPath(view.path, key);
        if (!segment.isEach) {
          if (isMap(field.node)) next.push(new MapView(view.doc, field.node, path));
        } else if (isSeq(field.node)) {
          field.node.items.forEach((item, i) => {
            const node = resolveNode(view.doc, item);
            if (isMap(node)) next.push(new MapView(view.doc, node, indexPath(path, i)));
          });
        } else if (isMap(field.node)) {
          const map = new MapView(view.doc, field.node, path);
          for (const { field: value } of map.entries()) if (isMap(value.node)) next.push(new MapView(view.doc, value.node, value.path));
        }
        if (next.length >= MAX_MATCHES) break;
      }
    }
    current = next.slice(0, MAX_MATCHES);
    if (current.length === 0) break;
  }
  return current;
}
