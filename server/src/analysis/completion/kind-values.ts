/** Completion of `kind` and `apiVersion` values: the kinds the catalog knows, and the apiVersion that serves the document's kind. */
import { catalogKinds, servedApiVersion } from '../schema/catalog';
import type { CompletionItem, CompletionProvider } from './index';

// A top-level `kind:` or `apiVersion:` being written.
const LINE = /^(kind|apiVersion):[ \t]*(["']?)([A-Za-z0-9./]*)$/;

export const kindValues: CompletionProvider = ({ document, offset }) => {
  const text = document.text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const m = LINE.exec(text.slice(lineStart, offset));
  if (!m) return [];
  const partial = m[3]!;
  const span = { start: offset - partial.length, end: offset };
  if (m[1] === 'kind') {
    return catalogKinds().map((k, i): CompletionItem => ({ label: k.kind, detail: `kind (${k.apiVersion})`, documentation: `Served as \`apiVersion: ${k.apiVersion}\`.`, span, sortText: String(i).padStart(2, '0') }));
  }
  // The apiVersion that serves this document's kind first, then the others.
  const served = document.kind ? servedApiVersion(document.kind) : undefined;
  const versions = [...new Set(catalogKinds().map((k) => k.apiVersion))];
  return versions.map((v): CompletionItem => ({
    label: v,
    detail: v === served ? `apiVersion of ${document.kind}` : 'apiVersion',
    documentation: `Kinds: ${catalogKinds().filter((k) => k.apiVersion === v).map((k) => k.kind).join(', ')}.`,
    span,
    sortText: `${v === served ? '0' : '1'}${v}`,
  }));
};
