/** The objects a file defines that pod specs refer to, with small facts (never secret values): the index's entries. */
import { readCrd } from './crd/crd-definition';
import { decodeBase64 } from './k8s/base64';
import type { ManifestModel } from './model/manifest';
import type { IndexedObject } from './workspace-view';

/** Kinds pod specs refer to by name. */
export const INDEXED_KINDS = new Set(['Secret', 'ServiceAccount', 'RuntimeClass', 'ConfigMap', 'Service', 'PersistentVolumeClaim', 'CustomResourceDefinition']);

const KIND_NAMES = [...INDEXED_KINDS].join('|');
// A `kind:` line in block style, or a `kind` key in flow style or JSON, naming an indexed kind.
const MAY_DEFINE = [new RegExp(`^\\s*kind:\\s*["']?(${KIND_NAMES})\\b`, 'm'), new RegExp(`kind"?\\s*:\\s*"?(${KIND_NAMES})\\b`)];

/** A cheap test before parsing: whether a text can define an indexed object at all (false only when it cannot). */
export function mayDefineIndexedKind(text: string): boolean {
  return MAY_DEFINE.some((re) => re.test(text));
}

function keysOf(v: unknown): string[] {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.keys(v) : [];
}

/** Registry hosts of a docker config JSON (the `auths` keys), never the credentials. */
export function dockerConfigHosts(json: string): string[] {
  try {
    const parsed = JSON.parse(json) as { auths?: unknown };
    return keysOf(parsed.auths);
  } catch {
    return [];
  }
}

export function indexObjects(model: ManifestModel, uri: string): IndexedObject[] {
  const out: IndexedObject[] = [];
  for (const d of model.documents) {
    if (!d.root || !d.kind || !INDEXED_KINDS.has(d.kind) || !d.name) continue;
    const nameField = d.root.map('metadata')?.get('name');
    const facts: Record<string, unknown> = {};
    if (d.kind === 'Secret') {
      facts.type = d.root.string('type') ?? 'Opaque';
      const data = d.root.map('data');
      const stringData = d.root.map('stringData');
      facts.keys = [...(data?.keys() ?? []), ...(stringData?.keys() ?? [])];
      const b64 = data?.string('.dockerconfigjson');
      const raw = stringData?.string('.dockerconfigjson') ?? (b64 ? decodeBase64(b64) : undefined);
      if (raw) facts.registries = dockerConfigHosts(raw);
    } else if (d.kind === 'ServiceAccount') {
      facts.imagePullSecrets = (d.root.seq('imagePullSecrets')?.maps() ?? []).map(({ view }) => view.string('name')).filter((n) => n !== undefined);
    } else if (d.kind === 'RuntimeClass') {
      facts.handler = d.root.string('handler');
      facts.overhead = d.root.map('overhead')?.map('podFixed')?.toJS();
    } else if (d.kind === 'ConfigMap') {
      facts.keys = [...(d.root.map('data')?.keys() ?? []), ...(d.root.map('binaryData')?.keys() ?? [])];
    } else if (d.kind === 'CustomResourceDefinition') {
      // Its group, kind and bounded schemas: what custom resources of its kind are checked against.
      const definition = readCrd(d);
      if (!definition) continue;
      facts.definition = definition;
    }
    const span = nameField ? { start: nameField.span.start + d.offset, end: nameField.span.end + d.offset } : { start: d.offset, end: d.offset };
    out.push({ kind: d.kind, apiVersion: d.apiVersion, namespace: d.namespace, name: d.name, uri, span, facts });
  }
  return out;
}
