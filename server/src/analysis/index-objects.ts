/** The objects a file defines that pod specs refer to, with small facts (never secret values): the index's entries. */
import { isMap } from 'yaml';
import { readCrd } from './crd/crd-definition';
import { decodeBase64 } from './k8s/base64';
import { scalarValueAsKubernetesReads } from './schema/read-scalar';
import { objectOfKind } from './model/api/kind-view';
import type { ConfigMap, RuntimeClass, Secret, ServiceAccount } from './model/api/types';
import type { ManifestDocument, ManifestModel } from './model/manifest';
import type { IndexedFacts, IndexedKind, IndexedObject } from './workspace-view';

/** Kinds pod specs refer to by name. */
export const INDEXED_KINDS = new Set<string>(['Secret', 'ServiceAccount', 'RuntimeClass', 'ConfigMap', 'Service', 'PersistentVolumeClaim', 'CustomResourceDefinition'] satisfies IndexedKind[]);

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

function secretFacts(secret: Secret): IndexedFacts['Secret'] {
  const facts: IndexedFacts['Secret'] = { type: secret.type?.value ?? 'Opaque', keys: [...secret.data.keys(), ...secret.stringData.keys()] };
  // The API server merges stringData over data: the written text wins over the encoded one.
  const b64 = secret.data.get('.dockerconfigjson')?.value;
  const raw = secret.stringData.get('.dockerconfigjson')?.value ?? (b64 ? decodeBase64(b64) : undefined);
  if (raw) facts.registries = dockerConfigHosts(raw);
  return facts;
}

function serviceAccountFacts(sa: ServiceAccount): IndexedFacts['ServiceAccount'] {
  return { imagePullSecrets: sa.imagePullSecrets.map((s) => s.name?.value).filter((n) => n !== undefined) };
}

function runtimeClassFacts(rc: RuntimeClass): IndexedFacts['RuntimeClass'] {
  // Only a podFixed written as a mapping (even an empty one) is an overhead the admission plugin copies.
  const podFixed = rc.overhead && isMap(rc.overhead.$entry('podFixed')?.node) ? rc.overhead.podFixed : undefined;
  // Each quantity as kubectl sends it; one written as a mapping or list is no quantity (null).
  const overhead = podFixed && Object.fromEntries([...podFixed].map(([resource, q]) => [resource, scalarValueAsKubernetesReads(q.node) ?? null]));
  return { handler: rc.handler?.value, overhead };
}

function configMapFacts(cm: ConfigMap): IndexedFacts['ConfigMap'] {
  return { keys: [...cm.data.keys(), ...cm.binaryData.keys()] };
}

/** The facts of an indexed object, typed by its kind; undefined for a kind not indexed, or a CRD that cannot be read. */
function factsOf(d: ManifestDocument): IndexedFacts[IndexedKind] | undefined {
  const secret = objectOfKind(d, 'Secret');
  if (secret) return secretFacts(secret);
  const sa = objectOfKind(d, 'ServiceAccount');
  if (sa) return serviceAccountFacts(sa);
  const rc = objectOfKind(d, 'RuntimeClass');
  if (rc) return runtimeClassFacts(rc);
  const cm = objectOfKind(d, 'ConfigMap');
  if (cm) return configMapFacts(cm);
  if (d.kind === 'Service' || d.kind === 'PersistentVolumeClaim') return {};
  // Its group, kind and bounded schemas: what custom resources of its kind are checked against.
  const definition = d.kind === 'CustomResourceDefinition' ? readCrd(d) : undefined;
  return definition && { definition };
}

export function indexObjects(model: ManifestModel, uri: string): IndexedObject[] {
  const out: IndexedObject[] = [];
  for (const d of model.documents) {
    if (!d.root || !d.kind || !INDEXED_KINDS.has(d.kind) || !d.name) continue;
    const facts = factsOf(d);
    if (!facts) continue;
    const nameField = d.metadata?.name;
    const span = nameField ? { start: nameField.span.start + d.offset, end: nameField.span.end + d.offset } : { start: d.offset, end: d.offset };
    out.push({ kind: d.kind, apiVersion: d.apiVersion, namespace: d.namespace, name: d.name, uri, span, facts });
  }
  return out;
}
