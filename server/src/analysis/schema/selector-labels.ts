/**
 * A controller's selector must select its own template's labels (apps validation ValidatePodTemplateSpecForReplicaSet and
 * friends: `spec.template.metadata.labels: Invalid value: {"app":"web"}: \`selector\` does not match template \`labels\``).
 * Recent API servers print the labels as JSON; older ones printed `map[string]string{"app":"web"}`.
 */
import { isMap, isSeq } from 'yaml';
import type { ManifestDocument } from '../model/manifest';
import type { MapView } from '../model/node-view';
import { scalarValueAsKubernetesReads } from './read-scalar';
import type { SchemaProblem } from './validate';

const CONTROLLERS = new Set(['apps/v1 Deployment', 'apps/v1 ReplicaSet', 'apps/v1 StatefulSet', 'apps/v1 DaemonSet', 'v1 ReplicationController']);

function stringMap(view: MapView | undefined): Record<string, string> | undefined {
  if (!view) return undefined;
  const out: Record<string, string> = {};
  for (const { key, field } of view.entries()) {
    const v = scalarValueAsKubernetesReads(field.node);
    if (typeof v !== 'string') return undefined; // a type error, reported as such
    out[key] = v;
  }
  return out;
}

type Matcher = (labels: Record<string, string>) => boolean;

/** apimachinery labels.Selector semantics for matchLabels and matchExpressions; undefined when the selector is malformed. */
function matcherOf(selector: MapView): Matcher | undefined {
  const matchLabels = selector.get('matchLabels') ? stringMap(selector.map('matchLabels')) : {};
  if (!matchLabels) return undefined;
  const expressions: Matcher[] = [];
  const exprs = selector.get('matchExpressions')?.node;
  if (exprs && !isSeq(exprs)) return undefined;
  for (const { view } of selector.seq('matchExpressions')?.maps() ?? []) {
    const key = scalarValueAsKubernetesReads(view.get('key')?.node ?? null);
    const op = scalarValueAsKubernetesReads(view.get('operator')?.node ?? null);
    const values = (view.seq('values')?.items() ?? []).map((i) => scalarValueAsKubernetesReads(i.node));
    if (typeof key !== 'string' || typeof op !== 'string' || values.some((v) => typeof v !== 'string')) return undefined;
    const set = values as string[];
    if (op === 'In') expressions.push((l) => key in l && set.includes(l[key]!));
    else if (op === 'NotIn') expressions.push((l) => !(key in l) || !set.includes(l[key]!));
    else if (op === 'Exists') expressions.push((l) => key in l);
    else if (op === 'DoesNotExist') expressions.push((l) => !(key in l));
    else return undefined;
  }
  if (Object.keys(matchLabels).length === 0 && expressions.length === 0) return undefined; // empty: its own error
  return (l) => Object.entries(matchLabels).every(([k, v]) => l[k] === v) && expressions.every((m) => m(l));
}

/** Go's encoding/json of a map[string]string: keys sorted, compact; a nil map is null. */
function goJson(labels: Record<string, string> | undefined): string {
  if (!labels) return 'null';
  return `{${Object.keys(labels).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(labels[k])}`).join(',')}}`;
}

export function selectorMismatch(document: ManifestDocument): SchemaProblem | undefined {
  const root = document.root;
  if (!root || !CONTROLLERS.has(`${document.apiVersion} ${document.kind}`)) return undefined;
  const spec = root.map('spec');
  const template = spec?.map('template');
  const selectorField = spec?.get('selector');
  if (!spec || !template || !selectorField || !isMap(selectorField.node)) return undefined;
  let matches: Matcher | undefined;
  if (document.kind === 'ReplicationController') {
    // A ReplicationController's selector is a plain map of labels.
    const wanted = stringMap(spec.map('selector'));
    if (!wanted || Object.keys(wanted).length === 0) return undefined;
    matches = (l) => Object.entries(wanted).every(([k, v]) => l[k] === v);
  } else matches = matcherOf(spec.map('selector')!);
  if (!matches) return undefined;
  const metadata = template.map('metadata');
  const labelsField = metadata?.get('labels');
  if (labelsField && labelsField.node !== null && !isMap(labelsField.node)) return undefined;
  const labels = labelsField && isMap(labelsField.node) ? stringMap(metadata!.map('labels')) : undefined;
  if (labelsField && isMap(labelsField.node) && !labels) return undefined;
  if (matches(labels ?? {})) return undefined;
  const path = 'spec.template.metadata.labels';
  const span = labelsField?.keySpan ?? template.get('metadata')?.keySpan ?? spec.get('template')!.keySpan;
  return { kind: 'required', message: `Invalid value: ${goJson(labels)}: \`selector\` does not match template \`labels\``, span, path, data: { labels } };
}
