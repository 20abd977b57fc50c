/** hoverAt: asks each hover provider in turn; the first answer wins. */
import { documentAt, type ManifestModel } from '../model/manifest';
import { optionsForFile } from '../k8s/file-target';
import type { AnalysisOptions } from '../options';
import { containerKindHover } from './container-kind-hover';
import { fieldHover } from './field-hover';
import { imageHover } from './image-hover';
import { imageVolumeHover } from './image-volume-hover';
import { kustomizePatchHover } from './kustomize-patch-hover';
import { kubeletConfigHover } from './kubelet-config-hover';
import { pullPolicyHover } from './pull-policy-hover';
import { resourcesHover } from './resources-hover';
import { workspaceHover } from './workspace-hovers';
import { yamlReadingHover } from './yaml-reading-hover';
import type { HoverProvider, HoverResult } from './types';

const HOVER_PROVIDERS: HoverProvider[] = [kustomizePatchHover, imageHover, imageVolumeHover, pullPolicyHover, resourcesHover, containerKindHover, workspaceHover, kubeletConfigHover, yamlReadingHover, fieldHover];

export function hoverAt(model: ManifestModel, offset: number, options: AnalysisOptions = {}): HoverResult | undefined {
  const document = documentAt(model, offset);
  if (!document) return undefined;
  options = optionsForFile(model.text, options);
  const local = offset - document.offset;
  for (const provider of HOVER_PROVIDERS) {
    const found = provider({ model, document, offset: local, options });
    if (found) {
      // The catalog's description of the field follows a computed explanation of it (images, pull policy, resources first).
      const field = provider === fieldHover || found.complete ? undefined : fieldHover({ model, document, offset: local, options });
      const markdown = field ? `${found.markdown}\n\n---\n\n${field.markdown}` : found.markdown;
      return { markdown, span: { start: found.span.start + document.offset, end: found.span.end + document.offset } };
    }
  }
  return undefined;
}
