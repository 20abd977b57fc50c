/**
 * resize-policy-invalid: a container's resizePolicy (in-place resize, KEP-1287) as validation.go checks it when the
 * InPlacePodVerticalScaling gate is on; with it off the API server drops resizePolicy silently (pkg/api/pod/util.go).
 */
import { isFeatureEnabled } from '../k8s/target';
import type { ContainerView } from '../model/pod-spec';
import type { Report, Rule } from './types';
import { notSupported } from './support/api-error';
import { quote } from './support/quote';

const RESOURCES = ['cpu', 'memory'];
const POLICIES = ['NotRequired', 'RestartContainer'];
const REJECTS = 'the API server rejects the object';

/** validation.go validateResizePolicy, plus validateInitContainers' rule for regular init containers. */
function checkContainer(c: ContainerView, podRestartPolicy: string, report: Report): void {
  const seen = new Set<string>();
  for (const resize of c.fields.resizePolicy) {
    const name = resize.resourceName;
    // Judged as written: a mistyped name is neither cpu nor memory.
    const nameValue = name?.written ?? '';
    if (seen.has(String(nameValue)) && nameValue !== '') {
      report({ message: `A second resize policy for ${quote(nameValue)}; ${REJECTS} (\`Duplicate value: ${quote(nameValue)}\`).`, span: name!.span, path: resize.$path });
    }
    seen.add(String(nameValue));
    if (nameValue === '' || nameValue === null) {
      report({ message: `A resize policy without resourceName; ${REJECTS} (\`Required value\`).`, span: name?.keySpan ?? resize.$span, path: `${resize.$path}.resourceName` });
    } else if (!RESOURCES.includes(String(nameValue))) {
      report({ message: `Only cpu and memory can be resized in place; ${REJECTS} (\`${notSupported(nameValue, RESOURCES)}\`).`, span: name!.span, path: name!.path });
    }
    // An absent restartPolicy is defaulted to NotRequired (the API's own default) before validation.
    const policy = resize.restartPolicy;
    if (!policy || policy.written === null) continue;
    if (!POLICIES.includes(String(policy.written))) {
      report({ message: `Unknown resize restartPolicy; ${REJECTS} (\`${notSupported(policy.written, POLICIES)}\`).`, span: policy.span, path: policy.path });
      continue;
    }
    if (policy.value !== 'RestartContainer') continue;
    if (podRestartPolicy === 'Never') {
      report({
        message: `A container of a Pod with restartPolicy: Never cannot be restarted to resize; ${REJECTS} (\`Invalid value: "RestartContainer": must be 'NotRequired' when pod \`restartPolicy\` is 'Never'\`).`,
        span: policy.span,
        path: policy.path,
      });
    } else if (c.type === 'init') {
      report({
        message: `A regular init container (not a sidecar) is not restarted to resize; ${REJECTS} (\`Invalid value: "RestartContainer": must not be set to 'RestartContainer' for non-sidecar initContainers\`).`,
        span: policy.span,
        path: policy.path,
      });
    }
  }
}

export const resizePolicyInvalid: Rule = {
  id: 'resize-policy-invalid',
  defaultSeverity: 'error',
  title: 'Invalid resizePolicy',
  source:
    'pkg/apis/core/validation/validation.go validateResizePolicy (`Duplicate value`, `Unsupported value: … supported values: "cpu", "memory"`, `… "NotRequired", "RestartContainer"`, ``must be \'NotRequired\' when pod `restartPolicy` is \'Never\'``) and validateInitContainers (`must not be set to \'RestartContainer\' for non-sidecar initContainers`); gated by InPlacePodVerticalScaling (pkg/api/pod/util.go drops resizePolicy when it is off).',
  description:
    '`resizePolicy` says whether resizing a container\'s CPU or memory in place restarts it. The API server rejects a resource other than `cpu` or `memory`, the same resource twice, a `restartPolicy` other than `NotRequired` or `RestartContainer`, `RestartContainer` in a Pod with `restartPolicy: Never`, and `RestartContainer` on a regular init container (sidecars may use it). When the InPlacePodVerticalScaling gate is off in the target (before Kubernetes 1.33 by default) the field is dropped instead, and this rule is silent.',
  howToFix: 'List `cpu` and `memory` at most once each, with `NotRequired` or `RestartContainer`; use `NotRequired` in Pods that never restart and on regular init containers.',
  check({ document, options, report }) {
    const spec = document.workload?.podSpec;
    if (!spec || !isFeatureEnabled(options.target, 'InPlacePodVerticalScaling')) return;
    const podRestartPolicy = spec.fields.restartPolicy?.value ?? 'Always';
    // Ephemeral containers may not set resizePolicy at all: ephemeral-containers says so.
    for (const c of [...spec.initContainers, ...spec.containers]) checkContainer(c, podRestartPolicy, report);
  },
};
