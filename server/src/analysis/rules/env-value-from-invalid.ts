/** env-value-from-invalid: valueFrom with a value, with no source, or with several; downward-API field paths. */
import { isFeatureEnabled } from '../k8s/target';
import { fieldPath } from '../model/node-view';
import type { Rule } from './types';
import { checkFileKeyRef, volumeKinds } from './support/file-key-ref';
import { quote } from './support/quote';

/** validateEnvVarValueFrom's sources; fileKeyRef only with EnvFiles (without it the API server drops fileKeyRef first). */
const SOURCES = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'];
const ONE_OF = 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`';
const ONE_OF_WITH_FILES = 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef`, `secretKeyRef` or `fileKeyRef`';
/** validation.go validEnvDownwardAPIFieldPathExpressions (plus the annotation/label subscripts checked apart). */
const FIELD_PATHS = new Set(['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs']);
const RESOURCE_FIELDS = new Set(['limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage']);

export const envValueFromInvalid: Rule = {
  id: 'env-value-from-invalid',
  defaultSeverity: 'error',
  title: 'Invalid env valueFrom',
  source:
    'validation.go validateEnvVarValueFrom: `may not be specified when \\`value\\` is not empty`, `must specify one of: \\`fieldRef\\`, \\`resourceFieldRef\\`, \\`configMapKeyRef\\` or \\`secretKeyRef\\``, `may not have more than one field specified at a time`; validateObjectFieldSelector / validEnvDownwardAPIFieldPathExpressions: `Unsupported value`; with EnvFiles, validateFileKeySelector (`Required value`, `must not contain \'..\'`) and validateFileKeyRefVolumes (`Not found`, `referenced volume must be of type emptyDir`).',
  description:
    'An env entry whose `valueFrom` is combined with a non-empty `value`, names no source or several, or uses a `fieldRef.fieldPath` the downward API does not offer for env (`metadata.name`, `metadata.namespace`, `metadata.uid`, `metadata.labels[\'…\']`, `metadata.annotations[\'…\']`, `spec.nodeName`, `spec.serviceAccountName`, `status.hostIP(s)`, `status.podIP(s)`), or a `resourceFieldRef.resource` other than limits/requests of cpu, memory, ephemeral-storage (and hugepages). With the EnvFiles feature (beta and on by default from Kubernetes 1.35) a `fileKeyRef` reads a variable from a file in an emptyDir volume: it needs a `key` (a variable name), a `volumeName` of an emptyDir volume of the Pod and a `path` without `..`; without the feature the API server drops `fileKeyRef`, leaving the entry with no source.',
  howToFix: 'Give each env entry either `value` or one `valueFrom` source, with a supported field path.',
  consequence: 'The API server rejects the object.',
  check({ document, options, report }) {
    const spec = document.workload?.podSpec;
    const envFiles = isFeatureEnabled(options.target, 'EnvFiles');
    const sourceNames = envFiles ? [...SOURCES, 'fileKeyRef'] : SOURCES;
    const volumes = volumeKinds(spec?.view.seq('volumes')?.maps().map((m) => m.view) ?? []);
    for (const c of spec?.all ?? []) {
      for (const { view } of c.view.seq('env')?.maps() ?? []) {
        const from = view.map('valueFrom');
        if (!from) continue;
        const value = view.get('value');
        if (value && typeof value.value === 'string' && value.value !== '') {
          report({ message: `Invalid value: may not be specified when \`value\` is not empty`, span: view.get('valueFrom')!.keySpan, path: fieldPath(view.path, 'valueFrom') });
        }
        const sources = sourceNames.filter((s) => from.has(s));
        if (sources.length === 0) {
          report({ message: `Invalid value: ${envFiles ? ONE_OF_WITH_FILES : ONE_OF}`, span: view.get('valueFrom')!.keySpan, path: from.path });
        } else if (sources.length > 1) {
          report({ message: `Invalid value: may not have more than one field specified at a time`, span: from.get(sources[1]!)!.keySpan, path: from.path });
        }
        const fileKeyRef = envFiles ? from.map('fileKeyRef') : undefined;
        if (fileKeyRef) checkFileKeyRef(fileKeyRef, volumes, report);
        const fp = from.map('fieldRef')?.get('fieldPath');
        if (fp && typeof fp.value === 'string' && !FIELD_PATHS.has(fp.value) && !/^metadata\.(labels|annotations)\['[^']+'\]$/.test(fp.value)) {
          report({ message: `Unsupported value: ${quote(fp.value)}: the downward API offers env only metadata.name, metadata.namespace, metadata.uid, metadata.labels['<key>'], metadata.annotations['<key>'], spec.nodeName, spec.serviceAccountName, status.hostIP, status.hostIPs, status.podIP, status.podIPs`, span: fp.span, path: fp.path });
        }
        const rf = from.map('resourceFieldRef')?.get('resource');
        if (rf && typeof rf.value === 'string' && !RESOURCE_FIELDS.has(rf.value) && !/^(limits|requests)\.hugepages-/.test(rf.value)) {
          report({ message: `Unsupported value: ${quote(rf.value)}: supported values: "limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory"`, span: rf.span, path: rf.path });
        }
      }
    }
  },
};
