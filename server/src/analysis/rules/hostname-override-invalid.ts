/**
 * hostname-override-invalid: `spec.hostnameOverride` (KEP-4762) as validation.go validatePodHostName checks it when the
 * HostnameOverride gate is on; with it off the API server drops the field silently (pkg/api/pod/util.go).
 */
import { dns1123SubdomainProblems } from '../k8s/names';
import { isFeatureEnabled } from '../k8s/target';
import type { Rule } from './types';
import { tooLong } from './support/api-error';
import { quote } from './support/quote';

const MAX_LENGTH = 64;

export const hostnameOverrideInvalid: Rule = {
  id: 'hostname-override-invalid',
  defaultSeverity: 'error',
  title: 'Invalid hostnameOverride',
  source:
    'pkg/apis/core/validation/validation.go validatePodHostName: `Forbidden: may not be specified when setHostnameAsFQDN is true`, `Forbidden: may not be specified when hostNetwork is true`, `Too long: may not be more than 64 bytes`, and ValidateDNS1123Subdomain; gated by HostnameOverride.',
  description:
    '`hostnameOverride` sets the Pod\'s hostname outright (the HostnameOverride feature, beta and on by default from Kubernetes 1.35). The API server rejects it together with `setHostnameAsFQDN: true` or `hostNetwork: true`, longer than 64 characters, or when it is not a lower-case RFC 1123 subdomain. When the gate is off in the target the API server drops the field instead, and this rule is silent.',
  howToFix: 'Use a lower-case DNS subdomain of at most 64 characters, and drop `setHostnameAsFQDN` and `hostNetwork` from the Pod.',
  consequence: 'The API server rejects the object.',
  check({ document, options, report }) {
    const spec = document.workload?.podSpec;
    const field = spec?.fields.hostnameOverride;
    if (!spec || !field || field.written === null || !isFeatureEnabled(options.target, 'HostnameOverride')) return;
    if (spec.fields.setHostnameAsFQDN?.value === true) {
      report({ message: 'Both hostnameOverride and setHostnameAsFQDN: true are set (`Forbidden: may not be specified when setHostnameAsFQDN is true`).', span: field.keySpan, path: field.path });
    }
    if (spec.fields.hostNetwork?.value === true) {
      report({ message: 'A hostnameOverride in a Pod on the host network (`Forbidden: may not be specified when hostNetwork is true`).', span: field.keySpan, path: field.path });
    }
    // A value that is not a string is field-type-invalid's.
    if (field.value === undefined) return;
    if (field.value.length > MAX_LENGTH) {
      report({ message: `A hostnameOverride of ${field.value.length} characters, more than ${MAX_LENGTH} (\`${tooLong(MAX_LENGTH)}\`).`, span: field.span, path: field.path });
    }
    const problems = dns1123SubdomainProblems(field.value);
    if (problems.length > 0) {
      report({ message: `A hostnameOverride that is not a DNS subdomain (\`Invalid value: ${quote(field.value)}: ${problems.join(', ')}\`).`, span: field.span, path: field.path });
    }
  },
};
