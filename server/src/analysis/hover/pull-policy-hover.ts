/** Hover on imagePullPolicy, short: what the policy makes the kubelet do, and what the default would have been. */
import { defaultPullPolicy } from '../k8s/pull-policy';
import { containerFieldAt } from './container-field';
import { BACKOFF_DOC, kubeletAction, PULL_POLICY_DOC } from './pull-behaviour';
import type { HoverProvider } from './types';
import { mdText } from './markdown';

export const pullPolicyHover: HoverProvider = ({ document, offset }) => {
  const found = containerFieldAt(document, offset, 'imagePullPolicy');
  if (!found) return undefined;
  // A value of another type is named as Kubernetes reads it (the API server rejects it).
  const value = found.field.value ?? String(found.field.written);
  const image = found.container.fields.image?.value;
  const lines = [`**imagePullPolicy: ${mdText(value)}**`, '', kubeletAction(value), ''];
  if (image !== undefined) {
    const d = defaultPullPolicy(image);
    lines.push(
      d.policy === value
        ? `Without this line the API server would default to the same: ${mdText(d.reason)}.`
        : `Without this line the API server would default to **${d.policy}**: ${mdText(d.reason)}.`,
      '',
    );
  }
  // The defaulting rule in general and the back-off timings are one click away, in the docs.
  lines.push(`[Image pull policy](${PULL_POLICY_DOC}) · [Pull errors and back-off](${BACKOFF_DOC})`);
  return { markdown: lines.join('\n'), span: found.field.span, complete: true };
};
