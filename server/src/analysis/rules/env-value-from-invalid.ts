/** env-value-from-invalid: valueFrom with a value, with no source, or with several; downward-API field paths. */
import { isFeatureEnabled } from '../k8s/target';
import type { EnvVarSource } from '../model/api/types';
import type { Rule } from './types';
import { checkFileKeyRef, volumeKinds } from './support/file-key-ref';
import { quote } from './support/quote';

type EnvVarSourceField = Parameters<EnvVarSource['$entry']>[0];

/** validateEnvVarValueFrom's sources; fileKeyRef only with EnvFiles (without it the API server drops fileKeyRef first). */
const SOURCES: readonly EnvVarSourceField[] = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'];
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
    const sourceNames: readonly EnvVarSourceField[] = envFiles ? [...SOURCES, 'fileKeyRef'] : SOURCES;
    const volumes = volumeKinds(spec?.fields.volumes ?? []);
    for (const c of spec?.all ?? []) {
      for (const env of c.fields.env) {
        const from = env.valueFrom;
        if (!from) continue;
        const valueFromKey = env.$entry('valueFrom')!.keySpan;
        if (env.value?.value !== undefined && env.value.value !== '') {
          report({ message: `Invalid value: may not be specified when \`value\` is not empty`, span: valueFromKey, path: from.$path });
        }
        // validateEnvVarValueFrom counts the sources that are non-nil: one written `null` is not set.
        const sources = sourceNames.filter((s) => from.$isSet(s));
        if (sources.length === 0) {
          report({ message: `Invalid value: ${envFiles ? ONE_OF_WITH_FILES : ONE_OF}`, span: valueFromKey, path: from.$path });
        } else if (sources.length > 1) {
          report({ message: `Invalid value: may not have more than one field specified at a time`, span: from.$entry(sources[1]!)!.keySpan, path: from.$path });
        }
        const fileKeyRef = envFiles ? from.fileKeyRef : undefined;
        if (fileKeyRef) checkFileKeyRef(fileKeyRef, volumes, report);
        const fp = from.fieldRef?.fieldPath;
        if (fp?.value !== undefined && !FIELD_PATHS.has(fp.value) && !/^metadata\.(labels|annotations)\['[^']+'\]$/.test(fp.value)) {
          report({ message: `Unsupported value: ${quote(fp.value)}: the downward API offers env only metadata.name, metadata.namespace, metadata.uid, metadata.labels['<key>'], metadata.annotations['<key>'], spec.nodeName, spec.serviceAccountName, status.hostIP, status.hostIPs, status.podIP, status.podIPs`, span: fp.span, path: fp.path });
        }
        const rf = from.resourceFieldRef?.resource;
        if (rf?.value !== undefined && !RESOURCE_FIELDS.has(rf.value) && !/^(limits|requests)\.hugepages-/.test(rf.value)) {
          report({ message: `Unsupported value: ${quote(rf.value)}: supported values: "limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory"`, span: rf.span, path: rf.path });
        }
      }
    }
  },
};
