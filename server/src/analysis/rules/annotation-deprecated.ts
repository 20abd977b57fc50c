/** annotation-deprecated: annotations replaced by fields (warnings.go): critical-pod, sysctls, seccomp, AppArmor. */
import type { Rule } from './types';

export const annotationDeprecated: Rule = {
  id: 'annotation-deprecated',
  defaultSeverity: 'warning',
  title: 'Annotation replaced by a field',
  source:
    'pkg/api/pod/warnings.go: `non-functional in v1.16+; use the "priorityClassName" field instead`, `non-functional in v1.11+; use the "sysctls" field instead`, `non-functional in v1.27+; use the "seccompProfile" field instead`, and for templates `deprecated since v1.30; use the "appArmorProfile" field instead`.',
  description: 'An annotation that once configured the Pod and no longer does: the scheduler\'s critical-pod marker, the sysctls annotations, seccomp annotations (when the field is not set), and AppArmor annotations in templates. The API server warns; the setting has no effect.',
  howToFix: 'Use the field the message names (`priorityClassName`, `securityContext.sysctls`, `securityContext.seccompProfile`, `securityContext.appArmorProfile`).',
  consequence: 'The API server warns; the annotation has no effect.',
  check({ document, report }) {
    const w = document.workload;
    if (!w) return;
    // The Pod's metadata: the object's for a Pod, the template's otherwise.
    const metaPath = w.podSpec.path.replace(/\.spec$|^spec$/, '');
    let meta = document.root;
    for (const k of metaPath ? metaPath.split('.') : []) meta = meta?.map(k);
    const annotations = meta?.map('metadata')?.map('annotations');
    const podSeccomp = w.podSpec.view.map('securityContext')?.has('seccompProfile') ?? false;
    for (const { key, field } of annotations?.entries() ?? []) {
      let msg: string | undefined;
      if (key === 'scheduler.alpha.kubernetes.io/critical-pod') msg = 'non-functional in v1.16+; use the "priorityClassName" field instead';
      else if (key === 'security.alpha.kubernetes.io/sysctls' || key === 'security.alpha.kubernetes.io/unsafe-sysctls') msg = 'non-functional in v1.11+; use the "sysctls" field instead';
      else if (key === 'seccomp.security.alpha.kubernetes.io/pod' && !podSeccomp) msg = 'non-functional in v1.27+; use the "seccompProfile" field instead';
      else if (key.startsWith('container.seccomp.security.alpha.kubernetes.io/')) {
        const name = key.slice(key.indexOf('/') + 1);
        const c = w.podSpec.all.find((x) => x.name === name);
        if (!c?.view.map('securityContext')?.has('seccompProfile')) msg = 'non-functional in v1.27+; use the "seccompProfile" field instead';
      } else if (key.startsWith('container.apparmor.security.beta.kubernetes.io/') && w.podSpec.isTemplate) {
        const name = key.slice(key.indexOf('/') + 1);
        const c = w.podSpec.all.find((x) => x.name === name);
        if (!c?.view.map('securityContext')?.has('appArmorProfile') && !w.podSpec.view.map('securityContext')?.has('appArmorProfile')) msg = 'deprecated since v1.30; use the "appArmorProfile" field instead';
      }
      if (msg) report({ message: `${field.path.replace(/^\./, '')}: ${msg}`, span: field.keySpan, path: field.path.replace(/^\./, ''), tags: ['deprecated'] });
    }
  },
};
