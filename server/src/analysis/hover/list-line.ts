/**
 * One line on how a list field merges: server-side apply goes by the list type and map keys (structured-merge-diff:
 * a list with no list type is atomic), `kubectl apply` (a client-side strategic merge) by the patch strategy and
 * merge key (k8s.io/apimachinery/pkg/util/strategicpatch: without `merge` the list is replaced whole).
 */
import { listSemantics } from '../schema/list-semantics';

const code = (keys: string[]): string => keys.map((k) => `\`${k}\``).join(' and ');

export function listSemanticsLine(typeName: string, field: string): string | undefined {
  const s = listSemantics(typeName, field);
  if (!s) return undefined;
  const merged = s.patchStrategies.includes('merge');
  const byKey = merged && s.patchMergeKey ? `merged by \`${s.patchMergeKey}\` under \`kubectl apply\`` : undefined;
  switch (s.listType) {
    case 'map':
      return `List: entries are keyed by ${code(s.listMapKeys)} (${byKey ?? 'replaced whole under `kubectl apply`'}).`;
    case 'set':
      return `List: a set (${merged ? 'values merged' : 'replaced whole'} under \`kubectl apply\`).`;
    case 'atomic':
      return byKey ? `List: replaced whole under server-side apply (atomic), ${byKey}.` : 'List: replaced whole (atomic).';
    default:
      return byKey ? `List: ${byKey}; no list type (atomic under server-side apply).` : 'List: replaced whole (no list type: atomic).';
  }
}
