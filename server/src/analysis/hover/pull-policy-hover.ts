/** Hover on imagePullPolicy: what the policy makes the kubelet do, and what the default would have been. */
import { defaultPullPolicy } from '../k8s/pull-policy';
import { containerFieldAt } from './container-field';
import { BACKOFF_DOC, kubeletAction, PULL_FAILURE, PULL_POLICY_DOC } from './pull-behaviour';
import type { HoverProvider } from './types';
import { mdText } from './markdown';

export const pullPolicyHover: HoverProvider = ({ document, offset }) => {
  const found = containerFieldAt(document, offset, 'imagePullPolicy');
  if (!found) return undefined;
  const value = typeof found.field.value === 'string' ? found.field.value : String(found.field.value);
  const image = found.container.view.get('image')?.value;
  const lines = [`**imagePullPolicy: ${mdText(value)}**`, '', kubeletAction(value), ''];
  if (typeof image === 'string') {
    const d = defaultPullPolicy(image);
    lines.push(
      d.policy === value
        ? `Without this line the API server would default to the same: ${mdText(d.reason)}.`
        : `Without this line the API server would default to **${d.policy}**: ${mdText(d.reason)}.`,
      '',
    );
  }
  lines.push(
    'Defaulting (SetDefaults_Container): an image whose tag is `latest` (or that has no tag and no digest) gets `Always`; every other image gets `IfNotPresent`. A digest with `:latest` still gets `Always`.',
    '',
    PULL_FAILURE,
    '',
    `[Image pull policy](${PULL_POLICY_DOC}) · [ImagePullBackOff](${BACKOFF_DOC})`,
  );
  return { markdown: lines.join('\n'), span: found.field.span };
};
