/**
 * Hover on a container's name in a Kustomize patch: the container as Kustomize builds it, the patch merged onto the
 * base object (kustomize/merged-object.ts), since the patch alone holds only what it changes.
 */
import { mergedObject } from '../kustomize/merged-object';
import { shortPlace } from './kustomize-image';
import { mdCode } from './markdown';
import { contains, type HoverProvider } from './types';
import { isKustomizePatch } from '../kustomize/patch-workload';

/** Lines of the merged container shown; a hover is no place for a whole manifest. */
const MAX_LINES = 60;

function codeBlock(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}json\n${text}\n${fence}`;
}

export const kustomizePatchHover: HoverProvider = ({ document, offset, options }) => {
  const bases = options.kustomizeBases ?? [];
  if (!isKustomizePatch(options) || bases.length === 0) return undefined;
  const container = document.workload?.podSpec.all.find((c) => {
    const name = c.fields.name;
    return name && contains(name.span, offset);
  });
  const nameField = container?.fields.name;
  if (!container?.name || !nameField) return undefined;
  const merged = mergedObject(document, bases, undefined, options.kustomize.patchTargets, options.kustomizeOtherPatches, options.kustomize);
  const built = merged?.model.documents[0]?.workload?.podSpec.all.find((c) => c.list === container.list && c.name === container.name);
  if (!merged || !built) return undefined;
  // The whole merged container, every field as written: a walk of any field, so the untyped mapping.
  const json = JSON.stringify(built.fields.$map.toJS(), (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2) ?? '';
  const lines = json.split('\n');
  const shown = lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), '…'] : lines;
  return {
    markdown: `**After Kustomize**: container ${mdCode(container.name)} as this patch and ${mdCode(shortPlace(merged.base.place))} make it\n\n${codeBlock(shown.join('\n'))}`,
    span: nameField.span,
  };
};
