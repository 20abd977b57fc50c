/** Completion of field names valid at the cursor (the schema catalog), without keys already written; required children as a snippet. */
import { absenceAt } from '../schema/field-versions';
import { catalogField, catalogType, displayType, shapeOf, type CatalogField } from '../schema/catalog';
import { indentContext, typeAlong } from '../schema/indent-context';
import { rootTypeOf } from '../schema/locate';
import { customTypeAlong } from '../schema/custom-template-types';
import type { CompletionItem, CompletionProvider } from './index';
import type { ManifestDocument } from '../model/manifest';

/** Fields the EphemeralContainer type has but validation forbids (validateEphemeralContainers: `Forbidden: cannot be set for an Ephemeral Container`). */
const EPHEMERAL_FORBIDDEN = new Set(['ports', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle', 'resources', 'resizePolicy', 'restartPolicy', 'restartPolicyRules']);

/** Fields a regular init container may not set (validateInitContainers: `Forbidden: may not be set for init containers without restartPolicy=Always`); a sidecar may. */
const INIT_FORBIDDEN = new Set(['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']);

/**
 * Whether the cursor is in a regular init container (not a sidecar): the nearest init container starting before it.
 * A half-typed key may fall outside the container's parsed span, so the start decides, not the end.
 */
function isInRegularInitContainer(document: ManifestDocument, offset: number, segments: string[]): boolean {
  if (segments[segments.length - 2] !== 'initContainers') return false;
  let nearest: { start: number; sidecar: boolean } | undefined;
  for (const w of document.workloads) {
    for (const c of w.podSpec.initContainers) {
      if (c.span.start <= offset && (!nearest || c.span.start > nearest.start)) nearest = { start: c.span.start, sidecar: c.type === 'sidecar' };
    }
  }
  return nearest !== undefined && !nearest.sidecar;
}

// The line up to the cursor: indentation, an optional `- `, and the part of a key typed so far.
const KEY_PREFIX = /^( *)(- +)?([A-Za-z0-9_]*)$/;

/** `name: $1` lines for the required scalar children of a struct, indented under the new key. */
function requiredChildren(type: string, indent: string, first: number): { text: string; next: number } {
  let next = first;
  const t = catalogType(type);
  const lines: string[] = [];
  for (const [name, f] of Object.entries(t?.f ?? {})) {
    if (!f.r) continue;
    const shape = shapeOf(f.t);
    lines.push(shape.kind === 'scalar' ? `${indent}${name}: $${next++}` : `${indent}${name}:`);
  }
  return { text: lines.join('\n'), next };
}

/** `relative` is the key's column past the line's indentation (2 after `- `): editors add the line's indentation to each new line. */
function insertFor(name: string, f: CatalogField, relative: number): { text: string; isSnippet: boolean } {
  const shape = shapeOf(f.t);
  const pad = ' '.repeat(relative + 2);
  if (shape.kind === 'scalar') {
    if (f.e) return { text: `${name}: \${1|${f.e.map((v) => v.replace(/[,|]/g, '')).join(',')}|}`, isSnippet: true };
    return { text: `${name}: `, isSnippet: false };
  }
  if (shape.kind === 'struct') {
    const req = requiredChildren(shape.name, pad, 1);
    return { text: `${name}:\n${req.text || `${pad}$0`}`, isSnippet: true };
  }
  if (shape.kind === 'list' && shapeOf(shape.item).kind === 'struct') {
    const req = requiredChildren(shape.item, `${pad}  `, 1);
    const body = req.text ? `${pad}- ${req.text.trimStart()}` : `${pad}- $0`;
    return { text: `${name}:\n${body}`, isSnippet: true };
  }
  if (shape.kind === 'list') return { text: `${name}:\n${pad}- $0`, isSnippet: true };
  return { text: `${name}:\n${pad}$0`, isSnippet: true };
}

export const fieldNames: CompletionProvider = ({ document, offset, target }) => {
  const root = document.root?.node;
  const rootType = root ? rootTypeOf(document.doc, root) : undefined;
  if (!rootType && !document.workloads.some((w) => w.kind.custom?.hasPodSchema)) return [];
  const text = document.text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const m = KEY_PREFIX.exec(text.slice(lineStart, offset));
  if (!m) return [];
  const lines = text.split('\n');
  const line = text.slice(0, lineStart).split('\n').length - 1;
  const col = m[1]!.length + (m[2]?.length ?? 0);
  const context = indentContext(lines, line, col, m[2] !== undefined);
  const type = rootType ? typeAlong(rootType, context.segments) : customTypeAlong(document, context.segments);
  const t = type ? catalogType(type) : undefined;
  if (!type || !t) return [];
  const partial = m[3]!;
  const span = { start: offset - partial.length, end: offset };
  const regularInit = type === 'V1Container' && isInRegularInitContainer(document, offset, context.segments);
  return Object.keys(t.f)
    .filter((name) => !context.siblings.has(name) && !(type === 'V1EphemeralContainer' && EPHEMERAL_FORBIDDEN.has(name)) && !(regularInit && INIT_FORBIDDEN.has(name)))
    // A field of another release would be an unknown field there.
    .filter((name) => !absenceAt(target.minor, t.f[name]?.s, t.f[name]?.u))
    .map((name): CompletionItem => {
      const f = catalogField(type, name)!;
      const insert = insertFor(name, f, m[2]?.length ?? 0);
      return {
        label: name,
        detail: `${displayType(f.t)}${f.r ? ' (required)' : ''}`,
        documentation: f.d ?? '',
        span,
        // Required fields first, then alphabetical.
        sortText: `${f.r ? '0' : '1'}${name}`,
        insertText: insert.text,
        isSnippet: insert.isSnippet,
        kind: 'field',
      };
    });
};
