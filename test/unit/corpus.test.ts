/** The real-world corpus (test/corpus, vendored with its licence): analysed without exceptions, every pod spec found, no false error. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { analyze } from '../../server/src/analysis/analyze';
import { inspectModel } from '../../server/src/analysis/inspect';
import { parseManifests, workloadsOf } from '../../server/src/analysis/model/manifest';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { CORPUS, yamlFiles } from '../support/corpus';


/** Errors that are right (see the corpus README): placeholders instead of images, which the kubelet rejects. */
const KNOWN_ERRORS = new Map<string, string[]>([
  ['kubernetes-examples/_archived/nodesjs-mongodb/web-controller.yaml', ['image-reference-invalid']],
  // `protocol: tcp`: validation.go validateContainerPorts checks supportedPortProtocols.Has(port.Protocol), case-sensitive;
  // today's API server answers 422 `spec.containers[0].ports[0].protocol: Unsupported value: "tcp": supported values:
  // "SCTP", "TCP", "UDP"` (kubernetes-rules.md §C.5). These archived examples predate that.
  ['kubernetes-examples/_archived/volumes/aws_ebs/aws-ebs-web.yaml', ['port-invalid']],
  ['kubernetes-examples/_archived/volumes/cinder/cinder-web.yaml', ['port-invalid']],
  // Schema errors that are right (the catalog is generated from Kubernetes' OpenAPI, 1.28–1.36):
  // extensions/v1beta1 DaemonSet stopped being served in 1.16: kubectl answers `no matches for kind "DaemonSet" in version "extensions/v1beta1"`.
  ['kubernetes-examples/_archived/newrelic-infrastructure/newrelic-infra-daemonset.yaml', ['api-version-unserved']],
  ['kubernetes-examples/_archived/volumes/flexvolume/deploy/ds.yaml', ['image-reference-invalid', 'api-version-unserved']],
  // Removed API versions outside the catalog's kinds (the deprecation guide): policy/v1beta1 PodDisruptionBudget in 1.25,
  // storage.k8s.io/v1beta1 StorageClass in 1.22; kubectl answers `no matches for kind … in version …`.
  ['kubernetes-examples/_archived/cockroachdb/cockroachdb-statefulset.yaml', ['api-version-unserved']],
  ...['account-specified-hdd/storageclass-account-hdd', 'dedicated-hdd/storageclass-dedicated-hdd', 'shared-hdd/storageclass-shared-hdd', 'shared-ssd/storageclass-shared-ssd'].map(
    (f): [string, string[]] => [`kubernetes-examples/_archived/volumes/azure_disk/claim/blob-based-disk/${f}.yaml`, ['api-version-unserved']],
  ),
  ...['managed-hdd/storageclass-managed-hdd', 'managed-ssd/storageclass-managed-ssd'].map(
    (f): [string, string[]] => [`kubernetes-examples/_archived/volumes/azure_disk/claim/managed-disk/${f}.yaml`, ['api-version-unserved']],
  ),
  // `lun: <ADD LUN ID Here>` is a string where FCVolumeSource.lun is an *int32 (types.go): the decoder rejects it.
  ['kubernetes-examples/_archived/volumes/fibre_channel/fc.yaml', ['field-type-invalid']],
  // RBDVolumeSource has no imageformat/imagefeatures (those are StorageClass parameters of the rbd provisioner), ScaleIOVolumeSource
  // spells protectionDomain, StorageOSVolumeSource has no pool: strict field validation (kubectl's default) rejects each.
  ['kubernetes-examples/_archived/volumes/rbd/rbd.yaml', ['field-unknown']],
  ['kubernetes-examples/_archived/volumes/scaleio/pod.yaml', ['field-unknown']],
  ['kubernetes-examples/_archived/volumes/storageos/storageos-pod.yaml', ['field-unknown']],
]);

/** An independent count: a plain parse, and the pod spec's place written out per kind. */
function countPodSpecs(text: string): number {
  const where: Record<string, string[]> = {
    Pod: ['spec'],
    PodTemplate: ['template', 'spec'],
    CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  };
  for (const k of ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ReplicationController', 'Job']) where[k] = ['spec', 'template', 'spec'];
  let n = 0;
  for (const doc of parseAllDocuments(text)) {
    let obj: unknown;
    try {
      obj = doc.toJS({ maxAliasCount: 10000 });
    } catch {
      continue;
    }
    if (typeof obj !== 'object' || obj === null) continue;
    const o = obj as Record<string, unknown>;
    const path = typeof o.kind === 'string' ? where[o.kind] : undefined;
    if (!path || typeof o.apiVersion !== 'string') continue;
    const group = o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : '';
    if (!['', 'apps', 'extensions', 'batch'].includes(group!)) continue;
    let v: unknown = o;
    for (const key of path) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) n++;
  }
  return n;
}

test('every corpus file: no exception, every pod spec found, no false error', () => {
  const files = yamlFiles(CORPUS);
  // The whole corpus as one workspace, as the editor would index it: cross-file rules must not raise false errors either.
  const index = new WorkspaceIndex();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('{{')) index.update(file, text);
  }
  assert.notDeepEqual(files, [], `no YAML files under ${CORPUS}`);
  const falseErrors: string[] = [];
  const knownSeen = new Set<string>();
  for (const file of files) {
    const rel = relative(CORPUS, file);
    const text = readFileSync(file, 'utf8');
    const model = parseManifests(text);
    const found = workloadsOf(model).length;
    assert.equal(found, countPodSpecs(text), `pod specs in ${rel}`);
    const result = analyze(model, { workspace: index });
    assert.deepEqual(result.failures, [], `rules threw on ${rel}`);
    inspectModel(model);
    for (const f of result.findings.filter((x) => x.severity === 'error')) {
      if (KNOWN_ERRORS.get(rel)?.includes(f.rule)) knownSeen.add(rel);
      else falseErrors.push(`${rel}: ${f.rule}: ${f.message}`);
    }
  }
  assert.deepEqual(falseErrors, []);
  assert.deepEqual([...knownSeen].sort(), [...KNOWN_ERRORS.keys()].sort(), "the two placeholder images are reported");
});
