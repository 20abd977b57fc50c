/**
 * host-users-conflict: a Pod in its own user namespace (`hostUsers: false`, KEP-127) with what validation.go refuses
 * beside it (validateHostUsers, validateWindows), and `procMount: Unmasked` outside one (ValidateSecurityContext).
 */
import { DEFAULT_TARGET, describeFeature, featureStage, isAtLeast, isFeatureEnabled } from '../k8s/target';
import type { Scalar } from '../model/api/types';
import type { Rule } from './types';

const REJECTS = 'the API server rejects the object';

export const hostUsersConflict: Rule = {
  id: 'host-users-conflict',
  defaultSeverity: 'error',
  title: 'hostUsers: false with host namespaces, or procMount: Unmasked without it',
  source:
    'pkg/apis/core/validation/validation.go validateHostUsers (``Forbidden: when `hostUsers` is false`` for hostNetwork without UserNamespacesHostNetworkSupport, hostPID, hostIPC and, from Kubernetes 1.34 (kubernetes/kubernetes#132868), volumeDevices; before that the text read ``when `pod.Spec.HostUsers` is false``), validateWindows (`hostUsers: Forbidden: cannot be set for a windows pod`) and ValidateSecurityContext (``procMount: Invalid value: "Unmasked": `hostUsers` must be false to use `Unmasked` ``); gated by UserNamespacesSupport and ProcMountType.',
  description:
    'With `hostUsers: false` a Pod gets its own user namespace (UserNamespacesSupport, beta and on by default from Kubernetes 1.33). The API server rejects it together with `hostPID`, `hostIPC`, `hostNetwork` (unless the alpha UserNamespacesHostNetworkSupport gate is on), containers with `volumeDevices` (from 1.34), and on a Windows Pod. The other way round, a container\'s `procMount: Unmasked` (ProcMountType) is only allowed in a Pod with `hostUsers: false`. When UserNamespacesSupport is off in the target the API server drops `hostUsers` instead.',
  howToFix: 'Drop the host namespaces and volume devices from a Pod with `hostUsers: false`; set `hostUsers: false` for `procMount: Unmasked`, or use `procMount: Default`.',
  check({ document, options, report }) {
    const spec = document.workload?.podSpec;
    if (!spec) return;
    const target = options.target;
    const minor = (target ?? DEFAULT_TARGET).minor;
    const userns = isFeatureEnabled(target, 'UserNamespacesSupport');
    const pod = spec.fields;
    const hostUsersField = pod.hostUsers;
    // Without the gate the API server drops hostUsers: the Pod then uses the host's user namespace.
    const ownUserns = userns && hostUsersField?.value === false;
    if (ownUserns) {
      const newText = isAtLeast(minor, '1.34');
      const when = newText ? 'when `hostUsers` is false' : 'when `pod.Spec.HostUsers` is false';
      const conflicts: Array<[string, Scalar<boolean> | undefined, boolean]> = [
        ['hostNetwork', pod.hostNetwork, !isFeatureEnabled(target, 'UserNamespacesHostNetworkSupport')],
        ['hostPID', pod.hostPID, true],
        ['hostIPC', pod.hostIPC, true],
      ];
      for (const [name, field, forbidden] of conflicts) {
        if (!field || field.value !== true || !forbidden) continue;
        const gate = name === 'hostNetwork' && featureStage('UserNamespacesHostNetworkSupport', minor) ? ` (allowed only with ${describeFeature(target, 'UserNamespacesHostNetworkSupport')})` : '';
        report({ message: `A Pod with hostUsers: false cannot use ${name}${gate}; ${REJECTS} (\`Forbidden: ${when}\`).`, span: field.keySpan, path: field.path });
      }
      if (newText) {
        for (const c of spec.all) {
          // Counted when written, even as an empty list; `volumeDevices: null` decodes to none.
          const devices = c.fields.$entry('volumeDevices');
          if (!devices || devices.value === null) continue;
          report({ message: `Volume devices cannot be used in a Pod with hostUsers: false (they are not ID-mapped); ${REJECTS} (\`Forbidden: ${when}\`).`, span: devices.keySpan, path: devices.path });
        }
      }
    }
    if (userns && hostUsersField && hostUsersField.written !== null && pod.os?.name?.value === 'windows') {
      report({ message: `A Windows Pod cannot set hostUsers; ${REJECTS} (\`Forbidden: cannot be set for a windows pod\`).`, span: hostUsersField.keySpan, path: hostUsersField.path });
    }
    if (!isFeatureEnabled(target, 'ProcMountType') || ownUserns) return;
    for (const c of spec.all) {
      const procMount = c.fields.securityContext?.procMount;
      if (procMount?.value !== 'Unmasked') continue;
      report({
        message: `An unmasked /proc (procMount: Unmasked) needs the Pod in its own user namespace (hostUsers: false); ${REJECTS} (\`Invalid value: "Unmasked": \`hostUsers\` must be false to use \`Unmasked\`\`).`,
        span: procMount.span,
        path: procMount.path,
      });
    }
  },
};
