/**
 * Typed views of API objects: a mapping read as the catalog type it is (a `Container`, a `Probe`…), so rules and
 * hovers read `container.ports`, `port.containerPort?.value` instead of string keys. The property names and their
 * types are generated from the catalog (`types.ts`, by scripts/gen-views.ts); this file builds them at run time from
 * the same catalog, one prototype per type, each field read on first access and kept.
 */
import { catalogType, shapeOf } from '../../schema/catalog';
import { scalarValueAsKubernetesReads } from '../../schema/read-scalar';
import { MapView, type Field } from '../node-view';
import type { Span } from '../span';

/**
 * A scalar field as the API decodes it. `value` is set only when what is written has the field's type (a `containerPort`
 * written `"80"` is present, with `value` undefined: `field-type-invalid` reports it); `written` is what kubectl sends.
 */
export interface Scalar<T> extends Omit<Field, 'value'> {
  value: T | undefined;
  written: unknown;
}

/** What every typed view has besides its fields; `K` is the type's field names. */
export interface ApiObject<K extends string = string> {
  /** The catalog type name (`V1Container`). */
  readonly $type: string;
  /** The field path of the object, as the API server writes it. */
  readonly $path: string;
  readonly $span: Span;
  /** The untyped mapping, for code that walks any field (the schema validator, field-dropping by gate). */
  readonly $map: MapView;
  /** A field's entry as written (key span, entry span, raw value), or undefined when absent: for presence and for spans of lists and maps. */
  $entry(key: K): Field | undefined;
  /**
   * Whether the field is set as the API decodes it: written with a value other than null (JSON `null` leaves a Go
   * pointer, slice or map nil, so validation sees it unset).
   */
  $isSet(key: K): boolean;
}

const SCALAR_TYPES: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  byte: (v) => typeof v === 'string',
  'date-time': (v) => typeof v === 'string',
  boolean: (v) => typeof v === 'boolean',
  int32: (v) => Number.isInteger(v),
  int64: (v) => Number.isInteger(v),
  number: (v) => typeof v === 'number',
  // intstr.IntOrString decodes a JSON integer or a string.
  'int-or-string': (v) => typeof v === 'string' || Number.isInteger(v),
  // resource.Quantity's UnmarshalJSON takes a string or a number.
  quantity: (v) => typeof v === 'string' || typeof v === 'number',
  object: (v) => v !== null && v !== undefined,
};

/**
 * A field typed as the JSON decoder takes it: `value` only when what is written `fits`. `field` must be a fresh object
 * from MapView.get / SeqView.items: it becomes the Scalar in place (no copy to collect).
 */
export function scalarOf<T>(field: Field, fits: (v: unknown) => boolean): Scalar<T> {
  const written = scalarValueAsKubernetesReads(field.node);
  const scalar = field as unknown as Scalar<T>;
  scalar.written = written ?? field.value;
  scalar.value = written !== undefined && fits(written) ? (written as T) : undefined;
  return scalar;
}

const NEVER_FITS = (): boolean => false;

function typedScalar(field: Field, scalarType: string): Scalar<unknown> {
  return scalarOf(field, SCALAR_TYPES[scalarType] ?? NEVER_FITS);
}

const EMPTY: readonly never[] = Object.freeze([]);
const EMPTY_MAP: ReadonlyMap<string, unknown> = new Map();

/** Reads one field of `map` typed as `t` (a catalog field type: scalar, struct, `[]T` or `{}T`). */
function readField(map: MapView, key: string, t: string): unknown {
  const shape = shapeOf(t);
  if (shape.kind === 'struct') {
    const inner = map.map(key);
    return inner ? objectView(inner, shape.name) : undefined;
  }
  if (shape.kind === 'scalar') {
    const field = map.get(key);
    return field ? typedScalar(field, shape.name) : undefined;
  }
  if (shape.kind === 'list') {
    const seq = map.seq(key);
    if (!seq) return EMPTY;
    const item = shapeOf(shape.item);
    // Items of another shape than the list's are skipped: the API rejects them and field-type-invalid says so.
    if (item.kind === 'struct') return seq.maps().map(({ view }) => objectView(view, item.name));
    if (item.kind === 'scalar') return seq.items().map((f) => typedScalar(f, item.name));
    return EMPTY;
  }
  const inner = map.map(key);
  if (!inner) return EMPTY_MAP;
  const value = shapeOf(shape.value);
  const out = new Map<string, unknown>();
  for (const { key: k, field } of inner.entries()) {
    if (value.kind === 'scalar') out.set(k, typedScalar(field, value.name));
  }
  return out;
}

interface ViewState {
  $type: string;
  $map: MapView;
  /** Each field's value once read, by its index in the type (`NOT_READ` before). */
  read: unknown[] | undefined;
}

const NOT_READ = Symbol('not read');

const BASE = Object.create(null, {
  $path: { get(this: ViewState) { return this.$map.path; } },
  $span: { get(this: ViewState) { return this.$map.span; } },
  $entry: { value(this: ViewState, key: string) { return this.$map.get(key); } },
  $isSet: {
    value(this: ViewState, key: string) {
      const field = this.$map.get(key);
      return field !== undefined && field.node !== null && scalarValueAsKubernetesReads(field.node) !== null;
    },
  },
}) as object;

const PROTOTYPES = new Map<string, object>();

/** One prototype per catalog type, with a getter per field that reads it once. */
function prototypeOf(typeName: string): object {
  let proto = PROTOTYPES.get(typeName);
  if (proto) return proto;
  proto = Object.create(BASE) as object;
  const fields = Object.entries(catalogType(typeName)?.f ?? {});
  fields.forEach(([key, field], index) => {
    Object.defineProperty(proto, key, {
      get(this: ViewState) {
        // One array a view, made on its first read: views are many and most fields are never asked for.
        const read = this.read ?? (this.read = new Array<unknown>(fields.length).fill(NOT_READ));
        let value = read[index];
        if (value === NOT_READ) read[index] = value = readField(this.$map, key, field.t);
        return value;
      },
    });
  });
  PROTOTYPES.set(typeName, proto);
  return proto;
}

/** The mapping read as catalog type `typeName`; the caller names the generated interface it is (`objectView<Container>(…)`). */
export function objectView<T extends ApiObject>(map: MapView, typeName: string): T {
  const view = Object.create(prototypeOf(typeName)) as ViewState;
  view.$type = typeName;
  view.$map = map;
  view.read = undefined;
  return view as unknown as T;
}
