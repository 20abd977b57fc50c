/** projected-path-duplicate: two files of projected volumes at one path (a validation error, or an API warning for a token). */
import type { Scalar, VolumeProjection } from '../model/api/types';
import type { Rule } from './types';
import { quote } from './support/quote';

/** The item paths a projection source writes and the value validation.go names in its error (the source's name, or the path). */
function itemPaths(source: VolumeProjection): Array<{ path: Scalar<string>; named: string }> {
  const out: Array<{ path: Scalar<string>; named: string }> = [];
  for (const holder of [source.secret, source.configMap]) {
    for (const item of holder?.items ?? []) if (item.path) out.push({ path: item.path, named: holder?.name?.value ?? '' });
  }
  for (const item of source.downwardAPI?.items ?? []) if (item.path) out.push({ path: item.path, named: item.path.value ?? '' });
  const bundle = source.clusterTrustBundle?.path;
  if (bundle) out.push({ path: bundle, named: bundle.value ?? '' });
  return out;
}

export const projectedPathDuplicate: Rule = {
  id: 'projected-path-duplicate',
  defaultSeverity: 'warning',
  title: 'Two projected files at one path',
  source:
    'pkg/apis/core/validation/validation.go validateProjectionSources: item paths of the secret, configMap, downwardAPI and clusterTrustBundle sources of one projected volume are kept in one set, a repeat is `Invalid value: "<name>": conflicting duplicate paths` (serviceAccountToken paths are not in it); pkg/api/pod/warnings.go: `has duplicated path with ServiceAccountToken "token"` for an item at the path of any projected service account token.',
  description:
    'A projected volume writes two files at one path. Between ConfigMap, Secret, downward API and ClusterTrustBundle sources of one volume, the API server rejects the Pod. An item at the path a `serviceAccountToken` source of a projected volume uses is accepted with a warning, but the volume holds one file at that path, so one of the two is not what the container reads there.',
  howToFix: 'Give each projected file its own `path`.',
  check({ document, report }) {
    const volumes = document.workload?.podSpec.fields.volumes ?? [];
    // warnings.go gathers the token paths of every projected volume first, then checks every projected item against them.
    const tokenPaths = new Set(volumes.flatMap((v) => (v.projected?.sources ?? []).map((s) => s.serviceAccountToken?.path?.value)).filter((p) => p !== undefined));
    for (const volume of volumes) {
      const seen = new Set<string>();
      for (const source of volume.projected?.sources ?? []) {
        for (const { path, named } of itemPaths(source)) {
          const value = path.value;
          if (value === undefined) continue;
          if (seen.has(value)) {
            report({ severity: 'error', message: `Invalid value: ${quote(named)}: conflicting duplicate paths (${quote(value)} is projected twice in this volume). The API server rejects the object.`, span: path.span, path: path.path });
          } else if (value !== '' || source.clusterTrustBundle?.path === path) {
            // validation.go skips empty item paths (they are Required errors of their own) but records a bundle's.
            seen.add(value);
          }
          if (tokenPaths.has(value)) {
            report({ message: `has duplicated path with ServiceAccountToken ${quote(value)}. The API server warns; the volume holds one file at that path.`, span: path.span, path: path.path });
          }
        }
      }
    }
  },
};
