/** The one place the schema validator reads a scalar's value: what kubectl sends in JSON for it. */
import { isScalar } from 'yaml';
import type { Node } from 'yaml';

export type JsonScalar = string | number | boolean | null;

/**
 * The JSON value kubectl sends for a scalar node (sigs.k8s.io/yaml: YAML → JSON), or undefined for a collection.
 * A readable document's nodes are built from Kubernetes' own reading (model/build-document.ts), so their values are
 * already YAML 1.1 (`yes` is true, `0644` is 420); only a document kubectl cannot read keeps the tolerant `yaml`
 * package's values, and its schema findings come after its syntax error.
 */
export function scalarValueAsKubernetesReads(node: Node | null): JsonScalar | undefined {
  if (node === null) return null;
  if (!isScalar(node)) return undefined;
  const v: unknown = node.value;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  // Dates (!!timestamp) and other tagged values reach JSON as strings.
  return v instanceof Date ? v.toISOString() : String(v);
}

/** The JSON kind encoding/json names in `cannot unmarshal <kind> into …`. */
export function jsonKind(value: JsonScalar | undefined): 'string' | 'number' | 'bool' | 'null' | 'object' | 'array' {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  return 'object';
}
