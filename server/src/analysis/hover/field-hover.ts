/** Hover on any field the catalog knows: its description, type, default, enum values, how a list merges and the versions it exists in. */
import { catalogType, displayType, goStructName, CATALOG_MINORS } from '../schema/catalog';
import { fieldAt } from '../schema/locate';
import { nearFieldNames } from '../schema/near-names';
import { listSemanticsLine } from './list-line';
import { mdText } from './markdown';
import type { HoverProvider } from './types';

const API_REFERENCE = 'https://kubernetes.io/docs/reference/kubernetes-api/';

export const fieldHover: HoverProvider = ({ document, offset }) => {
  const at = fieldAt(document, offset);
  if (!at) return undefined;
  const owner = goStructName(at.parentType);
  if (!at.field) {
    if (!at.onKey || !catalogType(at.parentType)) return undefined;
    const near = nearFieldNames(at.parentType, at.key);
    // The key is the document's text: escaped like every value from a manifest.
    const lines = [`**${mdText(at.key)}** is not a field of ${owner}: the API server rejects it under strict field validation (kubectl's default).`];
    if (near.length) lines.push('', `Did you mean ${near.slice(0, 3).map((n) => `\`${n}\``).join(' or ')}?`);
    return { markdown: lines.join('\n'), span: at.keySpan };
  }
  const f = at.field;
  const lines = [`**${at.key}** \`${displayType(f.t)}\` · ${owner}${f.r ? ' · required' : ''}`];
  if (f.d) lines.push('', f.d);
  if (f.e) lines.push('', `Values: ${f.e.map((v) => (v === f.df ? `\`${v}\` (default)` : `\`${v}\``)).join(', ')}`);
  else if (f.df !== undefined) lines.push('', `Default: \`${f.df}\``);
  const list = listSemanticsLine(at.parentType, at.key);
  if (list) lines.push('', list);
  const since = f.s ? `since Kubernetes ${f.s}` : '';
  const until = f.u ? `last in Kubernetes ${f.u}` : '';
  if (since || until) lines.push('', `Field ${[since, until].filter(Boolean).join(', ')} (catalog ${CATALOG_MINORS.minors[0]}–${CATALOG_MINORS.newest}).`);
  lines.push('', `[Kubernetes API reference](${API_REFERENCE})`);
  return { markdown: lines.join('\n'), span: at.onKey ? at.keySpan : at.valueSpan ?? at.keySpan };
};
