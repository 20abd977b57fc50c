/** Hover on a KubeletConfiguration's image-pull settings: serial vs parallel pulls and their defaults (§F). */
import { kubeletConfiguration } from '../k8s/kubelet-configuration';
import { contains, type HoverProvider } from './types';

const TEXT =
  'By default the kubelet pulls **one image at a time** per node (`serializeImagePulls: true`): a big image delays every other Pod on that node. With `serializeImagePulls: false`, pulls for different Pods run in parallel, up to `maxParallelImagePulls` (unset = no limit). Setting `maxParallelImagePulls` ≥ 2 without `serializeImagePulls` defaults it to false; `maxParallelImagePulls` > 1 with `serializeImagePulls: true` stops the kubelet from starting. `registryPullQPS` (default 5) and `registryBurst` (default 10) limit pulls per second.';

export const kubeletConfigHover: HoverProvider = ({ document, offset }) => {
  const config = kubeletConfiguration(document);
  if (!config) return undefined;
  for (const key of ['serializeImagePulls', 'maxParallelImagePulls'] as const) {
    const f = config.$entry(key);
    if (f && contains(f.entrySpan, offset)) return { markdown: `**${key}**\n\n${TEXT}\n\n[Kubelet configuration](https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/)`, span: f.keySpan };
  }
  return undefined;
};
