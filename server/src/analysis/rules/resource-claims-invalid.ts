/**
 * resource-claims-invalid: dynamic resource allocation (KEP-4381) claims as validation.go checks them when the
 * DynamicResourceAllocation gate is on: the Pod's `spec.resourceClaims` (validatePodResourceClaim) and each
 * container's `resources.claims` (validateResourceClaimNames). With the gate off the API server drops both.
 */
import { dns1123LabelProblems } from '../k8s/names';
import { isFeatureEnabled } from '../k8s/target';
import type { Rule } from './types';
import { quote } from './support/quote';

export const resourceClaimsInvalid: Rule = {
  id: 'resource-claims-invalid',
  defaultSeverity: 'error',
  // Partly judges what the object lacks (a field set elsewhere, in the base a Kustomize patch applies to).
  judgesAbsence: true,
  title: 'Resource claim missing, repeated or ambiguous',
  source:
    'pkg/apis/core/validation/validation.go validatePodResourceClaim (`Duplicate value`, ``must specify one of: `resourceClaimName`, `resourceClaimTemplateName` ``, `at most one of …`) and validateResourceClaimNames (`Not found: "gpu": must be one of the names in pod.spec.resourceClaims: …`, `Duplicate value`); gated by DynamicResourceAllocation.',
  description:
    'A container uses a device through `resources.claims[].name`, which must name an entry of the Pod\'s `spec.resourceClaims`; each entry names a ResourceClaim or a ResourceClaimTemplate (exactly one). The API server rejects a container claim that names no such entry, the same claim (or claim and request) twice in one container, a claim of a whole entry next to one of its requests, and Pod entries with a repeated name or with both or neither source. The DynamicResourceAllocation feature is GA from Kubernetes 1.34; when it is off in the target the API server drops the claims instead, and this rule is silent.',
  howToFix: 'List each claim once in `spec.resourceClaims` with either `resourceClaimName` or `resourceClaimTemplateName`, and refer to those names from the containers.',
  consequence: 'The API server rejects the object.',
  check({ document, options, report }) {
    const spec = document.workload?.podSpec;
    if (!spec || !isFeatureEnabled(options.target, 'DynamicResourceAllocation')) return;
    const podClaims = new Set<string>();
    for (const { view } of spec.view.seq('resourceClaims')?.maps() ?? []) {
      const name = view.get('name');
      if (!name || name.value === '' || name.value === null) {
        report({ message: 'A Pod resource claim without a name (`Required value`).', span: name?.keySpan ?? view.span, path: `${view.path}.name` });
      } else if (typeof name.value === 'string') {
        if (podClaims.has(name.value)) report({ message: `A second Pod resource claim named ${quote(name.value)} (\`Duplicate value: ${quote(name.value)}\`).`, span: name.span, path: name.path });
        podClaims.add(name.value);
      }
      const sources = ['resourceClaimName', 'resourceClaimTemplateName'].filter((k) => view.has(k) && view.get(k)!.value !== null);
      if (sources.length === 2) {
        report({ message: 'A Pod resource claim that names both a claim and a template (`Invalid value: at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified`).', span: view.get(sources[1]!)!.keySpan, path: view.path });
      } else if (sources.length === 0) {
        report({ message: 'A Pod resource claim that names neither a claim nor a template (`Invalid value: must specify one of: `resourceClaimName`, `resourceClaimTemplateName``).', span: view.span, path: view.path });
      }
    }
    const known = [...podClaims].sort();
    const detail = known.length === 0 ? 'must be one of the names in pod.spec.resourceClaims which is empty' : `must be one of the names in pod.spec.resourceClaims: ${known.join(', ')}`;
    for (const c of [...spec.initContainers, ...spec.containers]) {
      const seen = new Set<string>();
      for (const { view } of c.view.map('resources')?.seq('claims')?.maps() ?? []) {
        const name = view.get('name');
        if (!name || name.value === '' || name.value === null) {
          report({ message: 'A container claim without a name (`Required value`).', span: name?.keySpan ?? view.span, path: view.path });
          continue;
        }
        if (typeof name.value !== 'string') continue;
        const request = view.string('request') ?? '';
        if (request !== '' && dns1123LabelProblems(request).length > 0) {
          const req = view.get('request')!;
          report({ message: `A claim request that is not a request name (\`Invalid value: ${quote(request)}: ${dns1123LabelProblems(request).join(', ')}\`).`, span: req.span, path: req.path });
        }
        const key = request === '' ? name.value : `${name.value}/${request}`;
        // A whole claim next to one of its requests overlaps, in either order.
        const overlaps = seen.has(name.value) || seen.has(key) || (request === '' && [...seen].some((k) => k.startsWith(`${name.value}/`)));
        // validateResourceClaimNames names the whole claim unless the same claim/request pair came before.
        const duplicate = !seen.has(name.value) && seen.has(key) ? key : name.value;
        if (overlaps) report({ message: `A container refers to the claim ${quote(name.value)} more than once (\`Duplicate value: ${quote(duplicate)}\`).`, span: name.span, path: view.path });
        seen.add(key);
        if (!podClaims.has(name.value)) {
          report({ message: `A container claim that is not one of the Pod's resourceClaims (\`Not found: ${quote(name.value)}: ${detail}\`).`, span: name.span, path: view.path });
        }
      }
    }
  },
};
