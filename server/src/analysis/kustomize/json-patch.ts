/**
 * An RFC 6902 JSON patch applied as kustomize applies it: api/filters/patchjson6902 hands the object's JSON to
 * github.com/evanphx/json-patch/v5 (DecodePatch, then Apply with the default options: negative indices allowed, a
 * missing path on remove an error). Its quirks are kept (a path's last token is the key whatever comes before it,
 * `-` appends, a `null` on the way is a missing path), and so are its error texts, which kustomize prints as they are.
 * Pure, on decoded JSON values; the input is never changed.
 */
import type { Json } from './strategic-merge';

type JsonMap = { [key: string]: Json };

/** The place an operation wrote its value to, list positions resolved (`-` and negative indices as numbers). */
export interface AppliedOp {
  index: number;
  path: Array<string | number>;
}

/** `tooLarge`: the patch was not followed to its end (Pod Lens's bound, not kustomize's error). */
export type JsonPatchResult = { ok: true; value: Json; applied: AppliedOp[] } | { ok: false; index: number; message: string; tooLarge?: true };

/** Bounds a hostile patch: more operations than this are not applied (real ones have a handful). */
export const MAX_OPERATIONS = 1_000;
/** Characters `copy` and `add` operations may write in all: copying a value onto itself doubles it each time. */
export const MAX_WRITTEN_CHARS = 2_000_000;

function isMap(v: Json | undefined): v is JsonMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A document that is a JSON patch: a list whose items are all maps with an `op`. */
export function isJsonPatch(value: unknown): value is JsonMap[] {
  return Array.isArray(value) && value.length > 0 && value.every((op) => isMap(op as Json) && typeof (op as JsonMap).op === 'string');
}

class PatchError extends Error {}

/** errors.Wrapf(cause, text): the text, then the cause's. */
const wrap = (text: string, cause: string) => new PatchError(`${text}: ${cause}`);
const MISSING = 'missing value';
const INVALID_INDEX = 'invalid index referenced';

/** Go's strconv.Atoi, with its error text. */
function atoi(key: string): number {
  if (!/^[+-]?\d{1,18}$/.test(key)) throw new PatchError(`strconv.Atoi: parsing ${JSON.stringify(key)}: invalid syntax`);
  return Number.parseInt(key, 10);
}

const decodeKey = (k: string) => k.replace(/~1/g, '/').replace(/~0/g, '~');

function deepCopy(v: Json): Json {
  return JSON.parse(JSON.stringify(v)) as Json;
}

function deepEqual(a: Json, b: Json): boolean {
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]!));
  if (isMap(a)) return isMap(b) && Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => k in b && deepEqual(a[k]!, b[k]!));
  return a === b;
}

/** A container (partialDoc or partialArray) and the key in it an operation acts on. */
interface Slot {
  container: JsonMap | Json[];
  key: string;
  /** Path of the container from the document's root, list positions as numbers. */
  at: Array<string | number>;
}

/** The value at a key of a container; a missing map key is `undefined` (ErrMissing), a bad index throws. */
function get(container: JsonMap | Json[], key: string): Json | undefined {
  if (!Array.isArray(container)) return Object.prototype.hasOwnProperty.call(container, key) ? container[key] : undefined;
  const index = resolveIndex(container, atoi(key), container.length);
  return container[index];
}

function resolveIndex(list: Json[], index: number, size: number): number {
  const resolved = index < 0 ? index + size : index;
  if (index < -size || resolved >= size) throw new PatchError(`Unable to access invalid index: ${index}: ${INVALID_INDEX}`);
  return resolved;
}

/** json-patch findObject: every token but the last must name an existing map or list; undefined when one does not. */
function findObject(root: Json, path: string): Slot | undefined {
  const split = path.split('/');
  if (split.length < 2) return path === '' && (isMap(root) || Array.isArray(root)) ? { container: root, key: '', at: [] } : undefined;
  let node: Json = root;
  const at: Array<string | number> = [];
  for (const part of split.slice(1, -1)) {
    if (!isMap(node) && !Array.isArray(node)) return undefined;
    let next: Json | undefined;
    try {
      next = decodeKey(part) === '' ? node : get(node, decodeKey(part));
      if (Array.isArray(node) && part !== '') at.push(resolveIndex(node, atoi(part), node.length));
      else if (part !== '') at.push(decodeKey(part));
    } catch {
      return undefined;
    }
    if (next === undefined || next === null || (!isMap(next) && !Array.isArray(next))) return undefined;
    node = next;
  }
  if (!isMap(node) && !Array.isArray(node)) return undefined;
  return { container: node, key: decodeKey(split[split.length - 1]!), at };
}

/** Adds at a slot (a map key is set, a list gets an item inserted); returns where the value went. */
function add(slot: Slot, value: Json): Array<string | number> {
  const { container, key } = slot;
  if (!Array.isArray(container)) {
    container[key] = value;
    return [...slot.at, key];
  }
  if (key === '-') {
    container.push(value);
    return [...slot.at, container.length - 1];
  }
  let index: number;
  try {
    index = atoi(key);
  } catch (e) {
    throw wrap(`value was not a proper array index: '${key}'`, (e as Error).message);
  }
  const resolved = resolveIndex(container, index, container.length + 1);
  container.splice(resolved, 0, value);
  return [...slot.at, resolved];
}

function remove(slot: Slot): void {
  const { container, key } = slot;
  if (!Array.isArray(container)) {
    if (!Object.prototype.hasOwnProperty.call(container, key)) throw new PatchError(`unable to remove nonexistent key: ${key}: ${MISSING}`);
    delete container[key];
    return;
  }
  container.splice(resolveIndex(container, atoi(key), container.length), 1);
}

function getOrMissing(slot: Slot): Json {
  if (slot.key === '') return slot.container;
  const v = get(slot.container, slot.key);
  if (v === undefined) throw new PatchError(`unable to get nonexistent key: ${slot.key}: ${MISSING}`);
  return v;
}

/** Go's json.Marshal of an operation (map keys sorted), as validatePatch quotes it. */
function opText(op: JsonMap): string {
  return `{${Object.keys(op).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(op[k])}`).join(',')}}`;
}

/** jsonpatch validateOperation: the error DecodePatch returns for an operation, or undefined. */
function invalidOperation(op: JsonMap): string | undefined {
  let problem: string | undefined;
  if (op.op === 'add' || op.op === 'replace') {
    if (!('value' in op)) problem = `failed to decode 'value': operation, missing value field: ${MISSING}`;
  } else if (op.op === 'move' || op.op === 'copy') {
    if (typeof op.from !== 'string') problem = `failed to decode 'from': operation, missing from field: ${MISSING}`;
  } else if (op.op !== 'remove' && op.op !== 'test') problem = 'unsupported operation';
  if (!problem && typeof op.path !== 'string') problem = `failed to decode 'path': operation missing path field: ${MISSING}`;
  return problem && `invalid operation ${opText(op)}: ${problem}`;
}

/** Applies one operation to `doc` (changed in place); returns the new root (an `add` at "" replaces it). */
function applyOne(doc: Json, op: JsonMap, applied: (path: Array<string | number>) => void): Json {
  const path = op.path as string;
  const value = op.value === undefined ? null : (op.value as Json);
  switch (op.op) {
    case 'add': {
      if (path === '') {
        applied([]);
        return deepCopy(value);
      }
      const slot = findObject(doc, path);
      if (!slot) throw new PatchError(`add operation does not apply: doc is missing path: "${path}": ${MISSING}`);
      try {
        applied(add(slot, deepCopy(value)));
      } catch (e) {
        throw wrap(`error in add for path: '${path}'`, (e as Error).message);
      }
      return doc;
    }
    case 'remove': {
      const slot = findObject(doc, path);
      if (!slot) throw new PatchError(`remove operation does not apply: doc is missing path: "${path}": ${MISSING}`);
      try {
        remove(slot);
      } catch (e) {
        throw wrap(`error in remove for path: '${path}'`, (e as Error).message);
      }
      return doc;
    }
    case 'replace': {
      if (path === '') {
        // A scalar value makes json-patch wrap a nil error, which is no error: the document stays as it is.
        if (!isMap(value) && !Array.isArray(value)) return doc;
        applied([]);
        return deepCopy(value);
      }
      const slot = findObject(doc, path);
      if (!slot) throw new PatchError(`replace operation does not apply: doc is missing path: ${path}: ${MISSING}`);
      let index: string | number = slot.key;
      try {
        if (get(slot.container, slot.key) === undefined) throw new PatchError('');
        if (Array.isArray(slot.container)) index = resolveIndex(slot.container, atoi(slot.key), slot.container.length);
      } catch {
        throw new PatchError(`replace operation does not apply: doc is missing key: ${path}: ${MISSING}`);
      }
      (slot.container as { [k: string | number]: Json })[index] = deepCopy(value);
      applied([...slot.at, index]);
      return doc;
    }
    case 'move': {
      const from = op.from as string;
      if (from === '') throw new PatchError('unable to move entire document to another path: invalid state detected');
      const source = findObject(doc, from);
      if (!source) throw new PatchError(`move operation does not apply: doc is missing from path: ${from}: ${MISSING}`);
      let moved: Json;
      try {
        moved = getOrMissing(source);
        remove(source);
      } catch (e) {
        throw wrap(`error in move for path: '${source.key}'`, (e as Error).message);
      }
      const target = findObject(doc, path);
      if (!target) throw new PatchError(`move operation does not apply: doc is missing destination path: ${path}: ${MISSING}`);
      try {
        applied(add(target, moved));
      } catch (e) {
        throw wrap(`error in move for path: '${path}'`, (e as Error).message);
      }
      return doc;
    }
    case 'copy': {
      const from = op.from as string;
      const source = findObject(doc, from);
      if (!source) throw new PatchError(`copy operation does not apply: doc is missing from path: "${from}": ${MISSING}`);
      let copied: Json;
      try {
        copied = deepCopy(getOrMissing(source));
      } catch (e) {
        throw wrap(`error in copy for from: '${from}'`, (e as Error).message);
      }
      const target = findObject(doc, path);
      if (!target) throw new PatchError(`copy operation does not apply: doc is missing destination path: ${path}: ${MISSING}`);
      try {
        applied(add(target, copied));
      } catch (e) {
        throw wrap('error while adding value during copy', (e as Error).message);
      }
      return doc;
    }
    default: {
      // test
      const failed = new PatchError(`testing value ${path} failed: test failed`);
      if (path === '') {
        if (!deepEqual(doc, value)) throw failed;
        return doc;
      }
      const slot = findObject(doc, path);
      if (!slot) throw new PatchError(`test operation does not apply: is missing path: ${path}: ${MISSING}`);
      let found: Json | undefined;
      try {
        found = slot.key === '' ? slot.container : get(slot.container, slot.key);
      } catch (e) {
        throw wrap(`error in test for path: '${path}'`, (e as Error).message);
      }
      if (found === undefined || found === null) {
        if (value === null) return doc;
        throw failed;
      }
      if (value === null || !deepEqual(found, value)) throw failed;
      return doc;
    }
  }
}

/** The JSON size of the value a pointer names (0 when there is none). */
function sizeAt(doc: Json, path: string): number {
  const slot = typeof path === 'string' ? findObject(doc, path) : undefined;
  if (!slot) return 0;
  try {
    const v = slot.key === '' ? slot.container : get(slot.container, slot.key);
    return v === undefined ? 0 : JSON.stringify(v).length;
  } catch {
    return 0;
  }
}

/** The object after the patch, or the first operation that fails and kustomize's error for it. */
export function applyJsonPatch(object: Json, ops: readonly JsonMap[]): JsonPatchResult {
  for (let i = 0; i < ops.length; i++) {
    const invalid = invalidOperation(ops[i]!);
    if (invalid) return { ok: false, index: i, message: invalid };
  }
  let doc = deepCopy(object);
  const applied: AppliedOp[] = [];
  let written = 0;
  for (let i = 0; i < Math.min(ops.length, MAX_OPERATIONS); i++) {
    const op = ops[i]!;
    // What a copy writes is what its source holds now: measured before, so a doubling chain stops early.
    const size = op.op === 'copy' ? sizeAt(doc, op.from as string) : op.value === undefined ? 0 : JSON.stringify(op.value).length;
    written += size;
    if (written > MAX_WRITTEN_CHARS) return { ok: false, index: i, message: '', tooLarge: true };
    try {
      doc = applyOne(doc, ops[i]!, (path) => applied.push({ index: i, path }));
    } catch (e) {
      if (!(e instanceof PatchError)) throw e;
      return { ok: false, index: i, message: e.message };
    }
  }
  return { ok: true, value: doc, applied };
}
