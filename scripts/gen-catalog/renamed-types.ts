/**
 * Types renamed between releases: a field whose struct type has a new name in a later release
 * (PersistentVolumeClaimSpec.resources is a ResourceRequirements until 1.28 and a VolumeResourceRequirements from
 * 1.29) had the same fields under the old name before. Without this, the new type's fields would look new in 1.29.
 */
import type { ClientModelSource } from './build';

/** `Array<V1X>`, `{ [key: string]: V1X; }` or `V1X` → `V1X`, when it names a model of that release. */
function structName(type: string, source: ClientModelSource): string | undefined {
  const inner = /^Array<(.+)>$/.exec(type)?.[1] ?? /^\{ \[key: string\]: (.+); \}$/.exec(type)?.[1] ?? type;
  return source.models.has(inner) ? inner : undefined;
}

/** `<type>@<minor>` → the name the type had in that release, for types a field of the newest release names differently. */
export function renamedTypes(clients: readonly ClientModelSource[]): Map<string, string> {
  const newest = clients[clients.length - 1]!;
  const renamed = new Map<string, string>();
  for (const c of clients.slice(0, -1)) {
    for (const [name, model] of c.models) {
      const now = newest.models.get(name);
      if (!now) continue;
      for (const field of model.fields) {
        const nowField = now.fields.find((f) => f.name === field.name);
        const newName = nowField && structName(nowField.type, newest);
        const oldName = structName(field.type, c);
        if (newName && oldName && newName !== oldName && !c.models.has(newName)) renamed.set(`${newName}@${c.minor}`, oldName);
      }
    }
  }
  return renamed;
}
