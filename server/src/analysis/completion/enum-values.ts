/** Completion of enum values for any enumerated field of the catalog, the default first. */
import { catalogField, catalogType } from '../schema/catalog';
import { indentContext, typeAlong } from '../schema/indent-context';
import { rootTypeOf } from '../schema/locate';
import { customTypeAlong } from '../schema/custom-template-types';
import type { CompletionItem, CompletionProvider } from './index';

// `key: partial` up to the cursor. imagePullPolicy and restartPolicy have their own provider (policy-values).
const VALUE_PREFIX = /^( *)(- +)?([A-Za-z0-9_]+):[ \t]*(["']?)([A-Za-z0-9]*)$/;
const OWN_PROVIDER = new Set(['imagePullPolicy', 'restartPolicy']);

export const enumValues: CompletionProvider = ({ document, offset }) => {
  const root = document.root?.node;
  const rootType = root ? rootTypeOf(document.doc, root) : undefined;
  if (!rootType && !document.workloads.some((w) => w.kind.custom?.hasPodSchema)) return [];
  const text = document.text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const m = VALUE_PREFIX.exec(text.slice(lineStart, offset));
  if (!m || OWN_PROVIDER.has(m[3]!)) return [];
  const line = text.slice(0, lineStart).split('\n').length - 1;
  const col = m[1]!.length + (m[2]?.length ?? 0);
  const segments = indentContext(text.split('\n'), line, col, m[2] !== undefined).segments;
  const type = rootType ? typeAlong(rootType, segments) : customTypeAlong(document, segments);
  const field = type && catalogType(type) ? catalogField(type, m[3]!) : undefined;
  if (!field?.e) return [];
  const partial = m[5]!;
  const span = { start: offset - partial.length, end: offset };
  return field.e.map((v): CompletionItem => ({
    label: v,
    detail: v === field.df ? `${m[3]} (default)` : m[3]!,
    documentation: field.d ?? '',
    span,
    sortText: `${v === field.df ? '0' : '1'}${v}`,
  }));
};
