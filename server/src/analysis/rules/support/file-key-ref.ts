/**
 * An env `valueFrom.fileKeyRef` (KEP-3721, EnvFiles) as validation.go checks it: validateFileKeySelector (key, volumeName,
 * path) and validateFileKeyRefVolumes (the volume exists in the Pod and is an emptyDir).
 */
import { dns1123LabelProblems } from '../../k8s/names';
import type { FileKeySelector, Volume } from '../../model/api/types';
import type { Report } from '../types';
import { quote } from './quote';

/** apimachinery IsRelaxedEnvVarName: printable ASCII but '='. */
const RELAXED_ENV_NAME = /^[\x20-\x3c\x3e-\x7e]+$/;
const RELAXED_ENV_NAME_MESSAGE = "a valid environment variable name must consist only of printable ASCII characters other than '='";

/** `volumes` of the pod spec by name: whether each is an emptyDir. */
export type VolumeKinds = ReadonlyMap<string, { isEmptyDir: boolean }>;

export function volumeKinds(volumes: readonly Volume[]): VolumeKinds {
  // `emptyDir: null` decodes to nil: not an emptyDir (the API then rejects the volume for having no source).
  return new Map(volumes.flatMap((v) => (v.name?.value !== undefined ? [[v.name.value, { isEmptyDir: v.$isSet('emptyDir') }] as const] : [])));
}

export function checkFileKeyRef(ref: FileKeySelector, volumes: VolumeKinds, report: Report): void {
  // `written` for presence: an empty or null value is as missing as no key; a mistyped one is field-type-invalid's.
  const key = ref.key;
  if (!key || key.written === '' || key.written === null) {
    report({ message: `A fileKeyRef without a key (\`Required value\`).`, span: key?.keySpan ?? ref.$span, path: `${ref.$path}.key` });
  } else if (key.value !== undefined && !RELAXED_ENV_NAME.test(key.value)) {
    report({ message: `A fileKeyRef key that is not a valid variable name (\`Invalid value: ${quote(key.value)}: ${RELAXED_ENV_NAME_MESSAGE}\`).`, span: key.span, path: key.path });
  }
  const volumeName = ref.volumeName;
  if (!volumeName || volumeName.written === '' || volumeName.written === null) {
    report({ message: `A fileKeyRef without a volumeName (\`Required value\`).`, span: volumeName?.keySpan ?? ref.$span, path: `${ref.$path}.volumeName` });
  } else if (volumeName.value !== undefined) {
    const problems = dns1123LabelProblems(volumeName.value);
    const volume = volumes.get(volumeName.value);
    if (problems.length > 0) {
      report({ message: `A fileKeyRef volumeName that is not a volume name (\`Invalid value: ${quote(volumeName.value)}: ${problems.join(', ')}\`).`, span: volumeName.span, path: volumeName.path });
    } else if (!volume) {
      report({ message: `A fileKeyRef names a volume the Pod does not have (\`Not found: ${quote(volumeName.value)}\`).`, span: volumeName.span, path: volumeName.path });
    } else if (!volume.isEmptyDir) {
      report({ message: `A fileKeyRef reads only from an emptyDir volume (\`Invalid value: ${quote(volumeName.value)}: referenced volume must be of type emptyDir\`).`, span: volumeName.span, path: volumeName.path });
    }
  }
  const path = ref.path;
  if (!path || path.written === '' || path.written === null) {
    report({ message: `A fileKeyRef without a path (\`Required value\`).`, span: path?.keySpan ?? ref.$span, path: `${ref.$path}.path` });
  } else if (path.value !== undefined && path.value.replace(/\\/g, '/').split('/').includes('..')) {
    // validatePathNoBacksteps: any `..` element, one error however many.
    report({ message: `A fileKeyRef path that climbs out of the volume (\`Invalid value: ${quote(path.value)}: must not contain '..'\`).`, span: path.span, path: path.path });
  }
}
