/** value-not-string: a plain value Kubernetes reads as a boolean, a number or null in a field that needs a string. */
import { objectOfKind } from '../model/api/kind-view';
import type { ObjectMeta } from '../model/api/types';
import type { Field } from '../model/node-view';
import type { ManifestDocument } from '../model/manifest';
import { readingOf, type SurprisingReading } from '../yaml/reading';
import type { Report, Rule } from './types';

export const valueNotString: Rule = {
  id: 'value-not-string',
  defaultSeverity: 'error',
  title: 'Value read as a boolean, number or null where a string is needed',
  source:
    "kubectl converts YAML 1.1 to JSON (sigs.k8s.io/yaml over go-yaml v2, resolve.go): `yes`, `on`, `y` are booleans, `0644` and `1_000` numbers, `~` null. The API server decodes the JSON into typed structs (sigs.k8s.io/json) and rejects a boolean or number in a string field: `json: cannot unmarshal bool into Go struct field EnvVar.spec.containers.env.value of type string`.",
  description:
    'An env `value`, a label or annotation value, a `command`/`args` item, a ConfigMap `data` value, a Secret `data`/`stringData` value or a `nodeSelector` value written plainly as something YAML 1.1 reads as a boolean or a number: the API server rejects the object with a decoding error. A plain `~` or `null` there is sent as null and read as empty. See docs/yaml-reading.md.',
  howToFix: 'Quote the value (`value: "yes"`); the quick fix does it and keeps the rest of the line.',
  check({ document, report }) {
    // A document kubectl cannot read never reaches the API server's decoder.
    if (document.value === undefined || !document.root) return;
    // Every value checked is what is written (`node`), typed or not: a mistyped one is what this rule explains.
    const check = (field: WrittenValue | undefined, struct: string, goType: string): void => checkField(document, report, field, struct, goType);
    const checkAll = (values: Iterable<WrittenValue>, struct: string, goType: string): void => {
      for (const value of values) check(value, struct, goType);
    };
    const meta = (metadata: ObjectMeta | undefined): void => {
      checkAll(metadata?.labels.values() ?? [], 'ObjectMeta', 'string');
      checkAll(metadata?.annotations.values() ?? [], 'ObjectMeta', 'string');
    };
    meta(document.metadata);
    const isCore = document.apiVersion === 'v1' || document.apiVersion === undefined;
    const configMap = isCore ? objectOfKind(document, 'ConfigMap') : undefined;
    if (configMap) {
      checkAll(configMap.data.values(), 'ConfigMap', 'string');
      checkAll(configMap.binaryData.values(), 'ConfigMap', '[]uint8');
    }
    const secret = isCore ? objectOfKind(document, 'Secret') : undefined;
    if (secret) {
      checkAll(secret.data.values(), 'Secret', '[]uint8');
      checkAll(secret.stringData.values(), 'Secret', 'string');
    }
    const workload = document.workload;
    if (!workload) return;
    const spec = workload.podSpec;
    // The template's metadata sits next to its spec: `spec.template.metadata`. A Pod's own is the document's, read above.
    if (workload.template) meta(workload.podMetadata);
    checkAll(spec.fields.nodeSelector.values(), 'PodSpec', 'string');
    for (const c of spec.all) {
      const struct = c.type === 'ephemeral' ? 'EphemeralContainerCommon' : 'Container';
      checkAll(c.fields.command, struct, 'string');
      checkAll(c.fields.args, struct, 'string');
      for (const env of c.fields.env) check(env.value, 'EnvVar', 'string');
    }
  },
};

/** What this rule reads of a value: its node as written, where, and its field path (a typed `Scalar` has them all). */
type WrittenValue = Pick<Field, 'node' | 'span' | 'path'>;

function checkField(document: ManifestDocument, report: Report, field: WrittenValue | undefined, struct: string, goType: string): void {
  if (!field || field.node === null) return;
  const source = document.text.slice(field.span.start, field.span.end);
  const reading = readingOf(field.node, source);
  if (!reading) return;
  // The decoder names the field by its JSON path without indices or map keys.
  const jsonPath = field.path.replace(/\[[^\]]*\]/g, '').replace(/^items\./, '');
  const fixes = source.includes('\n') ? undefined : [{ title: `Quote ${source}`, kind: 'quickfix' as const, isPreferred: true, edits: [{ span: field.span, newText: JSON.stringify(source) }] }];
  if (reading.jsonType === 'null') {
    report({ severity: 'warning', message: `${because(reading)}: kubectl sends null and the field is read as empty. Write ${JSON.stringify(source)} if you mean the text.`, span: field.span, path: field.path, fixes });
    return;
  }
  report({
    message: `json: cannot unmarshal ${reading.jsonType} into Go struct field ${struct}.${jsonPath} of type ${goType}. The API server rejects the object. ${because(reading)}; write ${JSON.stringify(source)}.`,
    span: field.span,
    path: field.path,
    fixes,
    data: { jsonType: reading.jsonType },
  });
}

function because(reading: SurprisingReading): string {
  const what = reading.jsonType === 'bool' ? `the boolean ${String(reading.value)}` : reading.jsonType === 'number' ? `the number ${String(reading.value)}` : 'null';
  return `Kubernetes reads ${reading.text} as ${what} (${reading.because})`;
}
