/** Finds the container field under a local offset, for hovers on container fields. */
import type { ManifestDocument } from '../model/manifest';
import type { Field } from '../model/node-view';
import type { ContainerView } from '../model/pod-spec';
import { contains } from './types';

export function containerFieldAt(document: ManifestDocument, offset: number, key: string): { container: ContainerView; field: Field } | undefined {
  for (const container of document.workload?.podSpec.all ?? []) {
    if (!contains(container.span, offset)) continue;
    const field = container.view.get(key);
    if (field && contains(field.entrySpan, offset)) return { container, field };
  }
  return undefined;
}
