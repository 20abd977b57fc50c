/** volume-deprecated: volume types the API server warns about (pkg/api/pod/warnings.go). */
import type { Rule } from './types';
import { DEFAULT_TARGET, describeFeature, isFeatureEnabled, minorNumber, type KubernetesTarget } from '../k8s/target';
import type { Volume } from '../model/api/types';

/** A volume source's field name, as the typed view declares it. */
type VolumeSource = Parameters<Volume['$entry']>[0];

/** warnings.go, exact texts; gitRepo as of v1.33 with the GitRepoVolumeDriver gate off by default. */
const DEPRECATED: Partial<Record<VolumeSource, string>> = {
  gitRepo: 'deprecated in v1.11, and disabled by default in v1.33+',
  photonPersistentDisk: 'deprecated in v1.11, non-functional in v1.16+',
  scaleIO: 'deprecated in v1.16, non-functional in v1.22+',
  flocker: 'deprecated in v1.22, non-functional in v1.25+',
  storageos: 'deprecated in v1.22, non-functional in v1.25+',
  quobyte: 'deprecated in v1.22, non-functional in v1.25+',
  glusterfs: 'deprecated in v1.25, non-functional in v1.26+',
  cephfs: 'deprecated in v1.28, non-functional in v1.31+',
  rbd: 'deprecated in v1.28, non-functional in v1.31+',
};

export const volumeDeprecated: Rule = {
  id: 'volume-deprecated',
  defaultSeverity: 'warning',
  title: 'Deprecated or removed volume type',
  source: 'pkg/api/pod/warnings.go: `spec.volumes[0].gitRepo: deprecated in v1.11, and disabled by default in v1.33+` and the texts for photonPersistentDisk, scaleIO, flocker, storageos, quobyte, glusterfs, cephfs and rbd.',
  description: 'A volume of a type whose in-tree driver is deprecated or gone. The API server accepts the object with a warning, but on current clusters the volume does not work (or, for gitRepo, only when explicitly enabled).',
  howToFix: 'Move to the CSI driver for that storage, or, for gitRepo, an init container that clones into an emptyDir.',
  check({ document, options, report }) {
    const target = options.target ?? DEFAULT_TARGET;
    for (const volume of document.workload?.podSpec.fields.volumes ?? []) {
      // warnings.go tests `v.GitRepo != nil`…: a source written `null` is not set.
      for (const [key, text] of Object.entries(DEPRECATED) as Array<[VolumeSource, string]>) {
        const f = volume.$entry(key);
        if (!f || !volume.$isSet(key)) continue;
        report({ message: `${text}. ${consequence(key, text, target)}`, span: f.keySpan, path: f.path, tags: ['deprecated'] });
      }
    }
  },
};

/** What the volume does in the target: gitRepo follows the GitRepoVolumeDriver gate, the others their release. */
function consequence(key: string, text: string, target: KubernetesTarget): string {
  if (key === 'gitRepo') {
    return isFeatureEnabled(target, 'GitRepoVolumeDriver')
      ? `The API server warns; the kubelet still mounts it in Kubernetes ${target.minor}, as ${describeFeature(target, 'GitRepoVolumeDriver')} is on.`
      : `The API server warns; the kubelet refuses to mount it, as ${describeFeature(target, 'GitRepoVolumeDriver')} is off.`;
  }
  const gone = /non-functional in v(1\.\d+)\+/.exec(text)?.[1];
  if (gone && minorNumber(target.minor) < minorNumber(gone)) return `The API server warns; the volume still works in Kubernetes ${target.minor}, not from ${gone}.`;
  return `The API server warns; the volume does not work in Kubernetes ${target.minor}.`;
}
