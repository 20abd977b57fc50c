/** annotation-deprecated: annotations replaced by fields (warnings.go): critical-pod, sysctls, seccomp, AppArmor. */
import { quote } from './support/quote';
import type { Rule } from './types';

/** An annotation Kubernetes ignores: the problem first, then the API server's own warning, quoted for search. */
function noEffect(since: string, warning: string): string {
  return `Annotation ignored since Kubernetes ${since}: it no longer configures the Pod, and the API server warns: ${warning}`;
}

export const annotationDeprecated: Rule = {
  id: 'annotation-deprecated',
  defaultSeverity: 'warning',
  title: 'Annotation replaced by a field',
  source:
    'pkg/api/pod/warnings.go: `non-functional in v1.16+; use the "priorityClassName" field instead`, `non-functional in v1.11+; use the "sysctls" field instead`, `non-functional in v1.27+; use the "seccompProfile" field instead`, and for templates `deprecated since v1.30; use the "appArmorProfile" field instead`.',
  description:
    'An annotation replaced by a field. The scheduler\'s critical-pod marker, the sysctls annotations and the seccomp annotations (when the field is not set) no longer do anything: the API server warns and ignores them. AppArmor annotations in templates still work, but only as a bridge: when the API server creates a Pod from the template it copies each annotation into that container\'s `securityContext.appArmorProfile` (when the field is unset) and warns that they are deprecated.',
  howToFix: 'Use the field the message names (`priorityClassName`, `securityContext.sysctls`, `securityContext.seccompProfile`, `securityContext.appArmorProfile`).',
  check({ document, report }) {
    const w = document.workload;
    if (!w) return;
    const pod = w.podSpec.fields;
    // warnings.go asks `SeccompProfile == nil`: `seccompProfile: null` decodes to nil, so it is not set.
    const podSeccomp = pod.securityContext?.$isSet('seccompProfile') === true;
    // The Pod's metadata: the object's for a Pod, the template's otherwise.
    for (const [key, field] of w.podMetadata?.annotations ?? []) {
      let msg: string | undefined;
      if (key === 'scheduler.alpha.kubernetes.io/critical-pod') msg = noEffect('1.16', 'non-functional in v1.16+; use the "priorityClassName" field instead');
      else if (key === 'security.alpha.kubernetes.io/sysctls' || key === 'security.alpha.kubernetes.io/unsafe-sysctls') msg = noEffect('1.11', 'non-functional in v1.11+; use the "sysctls" field instead');
      else if (key === 'seccomp.security.alpha.kubernetes.io/pod' && !podSeccomp) msg = noEffect('1.27', 'non-functional in v1.27+; use the "seccompProfile" field instead');
      else if (key.startsWith('container.seccomp.security.alpha.kubernetes.io/')) {
        const name = key.slice(key.indexOf('/') + 1);
        const c = w.podSpec.all.find((x) => x.name === name);
        if (c?.fields.securityContext?.$isSet('seccompProfile') !== true) msg = noEffect('1.27', 'non-functional in v1.27+; use the "seccompProfile" field instead');
      } else if (key.startsWith('container.apparmor.security.beta.kubernetes.io/') && w.podSpec.isPodTemplate) {
        const name = key.slice(key.indexOf('/') + 1);
        const c = w.podSpec.all.find((x) => x.name === name);
        // The annotation still works: pkg/registry/core/pod/strategy.go (applyAppArmorVersionSkew) copies it into the
        // container's appArmorProfile when the Pod is created and the field is unset; warnings.go only warns on templates.
        if (c?.fields.securityContext?.$isSet('appArmorProfile') !== true && pod.securityContext?.$isSet('appArmorProfile') !== true) {
          msg = `Deprecated AppArmor annotation: it still applies (the API server copies it into securityContext.appArmorProfile of container ${quote(name)} when it creates each Pod), but the API server warns: deprecated since v1.30; use the "appArmorProfile" field instead`;
        }
      }
      if (msg) report({ message: msg, span: field.keySpan, path: field.path.replace(/^\./, ''), tags: ['deprecated'] });
    }
  },
};
