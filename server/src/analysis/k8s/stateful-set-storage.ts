/** The volumes a StatefulSet's Pods get from its volumeClaimTemplates. */
import { objectView } from '../model/api/object-view';
import type { StatefulSet } from '../model/api/types';
import type { MapView } from '../model/node-view';

/**
 * pkg/controller/statefulset/stateful_set_utils.go updateStorage: each `volumeClaimTemplates` entry becomes a volume of
 * every Pod, named after the template's `metadata.name`. OpenKruise's CloneSet and Advanced StatefulSet declare the
 * field with the same Go type (`[]v1.PersistentVolumeClaim` at `spec.volumeClaimTemplates`), so an object of either
 * is read through the StatefulSet's shape for it.
 */
export function claimTemplateVolumeNames(object: MapView): string[] {
  const templates = objectView<StatefulSet>(object, 'V1StatefulSet').spec?.volumeClaimTemplates ?? [];
  // A template without a name makes no volume the mounts could name.
  return templates.map((t) => t.metadata?.name?.value).filter((name): name is string => !!name);
}
