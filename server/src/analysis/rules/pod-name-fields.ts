/** pod-name-fields: runtimeClassName, hostname and subdomain name syntax; shareProcessNamespace with hostPID. */
import { dns1123LabelProblems, dns1123SubdomainProblems } from '../k8s/names';
import type { Scalar } from '../model/api/types';
import type { Rule } from './types';
import { quote } from './support/quote';

export const podNameFields: Rule = {
  id: 'pod-name-fields',
  defaultSeverity: 'error',
  title: 'Invalid runtimeClassName, hostname or subdomain',
  source:
    'validation.go validatePodSpec: runtimeClassName IsDNS1123Subdomain, hostname and subdomain IsDNS1123Label; validateShareProcessNamespace: `ShareProcessNamespace and HostPID cannot both be enabled`.',
  description: '`runtimeClassName` must be a DNS-1123 subdomain, `hostname` and `subdomain` DNS-1123 labels; `shareProcessNamespace: true` cannot be combined with `hostPID: true`. The API server rejects the object otherwise.',
  howToFix: 'Use lower-case names (letters, digits, `-`; dots only in runtimeClassName), and choose one of shareProcessNamespace or hostPID.',
  consequence: 'The API server rejects the object.',
  check({ document, report }) {
    const spec = document.workload?.podSpec;
    if (!spec) return;
    const pod = spec.fields;
    const checks: Array<[Scalar<string> | undefined, (v: string) => string[]]> = [[pod.runtimeClassName, dns1123SubdomainProblems], [pod.hostname, dns1123LabelProblems], [pod.subdomain, dns1123LabelProblems]];
    for (const [f, problemsOf] of checks) {
      if (!f?.value) continue;
      const problems = problemsOf(f.value);
      if (problems.length) report({ message: `Invalid value: ${quote(f.value)}: ${problems.join(', ')}`, span: f.span, path: f.path });
    }
    const share = pod.shareProcessNamespace;
    if (share?.value === true && pod.hostPID?.value === true) {
      report({ message: `Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled`, span: share.span, path: share.path });
    }
  },
};
