/** Finds the container field under a local offset, for hovers on container fields. */
import type { Scalar } from '../model/api/types';
import type { ManifestDocument } from '../model/manifest';
import type { ContainerView } from '../model/pod-spec';
import { contains } from './types';

/** The container's `image` or `imagePullPolicy` whose entry holds the offset, with its container. */
export function containerFieldAt(document: ManifestDocument, offset: number, key: 'image' | 'imagePullPolicy'): { container: ContainerView; field: Scalar<string> } | undefined {
  for (const container of document.workload?.podSpec.all ?? []) {
    if (!contains(container.span, offset)) continue;
    const field = container.fields[key];
    if (field && contains(field.entrySpan, offset)) return { container, field };
  }
  return undefined;
}
