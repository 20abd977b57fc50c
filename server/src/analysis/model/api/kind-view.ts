/** An object read as the kind it says it is: a Secret's `type` and `data`, a ServiceAccount's pull secrets… typed. */
import { catalogKinds } from '../../schema/catalog';
import type { MapView } from '../node-view';
import { objectView } from './object-view';
import type { KindTypes } from './types';

const TYPE_OF_KIND = new Map(catalogKinds().map((k) => [k.kind, k.type]));

/** The document's object typed as `kind` when that is its kind (whatever apiVersion it is written at), else undefined. */
export function objectOfKind<K extends keyof KindTypes>(document: { kind: string | undefined; root: MapView | undefined }, kind: K): KindTypes[K] | undefined {
  const type = TYPE_OF_KIND.get(kind);
  if (document.kind !== kind || !document.root || !type) return undefined;
  return objectView<KindTypes[K]>(document.root, type);
}
