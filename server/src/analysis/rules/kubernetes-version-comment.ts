/** kubernetes-version-comment: a `# pod-lens: kubernetes-version=` line whose value is not a release Pod Lens can check against. */
import { modelTarget } from '../k8s/file-target';
import { DEFAULT_TARGET, SUPPORTED_MINORS } from '../k8s/target';
import { quote } from './support/quote';
import type { Rule } from './types';

export const kubernetesVersionComment: Rule = {
  id: 'kubernetes-version-comment',
  defaultSeverity: 'warning',
  // The pin is the file's, found in the whole text: recomputed with the file.
  scope: 'file',
  title: 'Unknown Kubernetes version in a pod-lens comment',
  source: 'Pod Lens itself: the releases it can check against are those of its feature table and API catalog (podLens.kubernetesVersion).',
  description:
    'A file pins the release it is checked against with a comment line `# pod-lens: kubernetes-version=1.NN`. A value that is not one of the releases Pod Lens knows is ignored, and the file is checked against the setting (or `--kubernetes-version`) instead.',
  howToFix: `Write one of ${SUPPORTED_MINORS.join(', ')}.`,
  check({ model, document, options, report }) {
    const pin = modelTarget(model, options.target).invalidPin;
    if (!pin || pin.offset < document.offset || pin.offset >= document.offset + document.text.length) return;
    const start = pin.offset - document.offset;
    report({
      message: `Pod Lens cannot check against Kubernetes ${quote(pin.value)}: it ignores this comment and checks the file against Kubernetes ${(options.target ?? DEFAULT_TARGET).minor}. Use one of ${SUPPORTED_MINORS.join(', ')}.`,
      span: { start, end: start + pin.length },
    });
  },
};
