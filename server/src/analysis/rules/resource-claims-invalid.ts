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
    for (const claim of spec.fields.resourceClaims) {
      const name = claim.name;
      if (!name || name.written === '' || name.written === null) {
        report({ message: 'A Pod resource claim without a name (`Required value`).', span: name?.keySpan ?? claim.$span, path: `${claim.$path}.name` });
      } else if (name.value !== undefined) {
        if (podClaims.has(name.value)) report({ message: `A second Pod resource claim named ${quote(name.value)} (\`Duplicate value: ${quote(name.value)}\`).`, span: name.span, path: name.path });
        podClaims.add(name.value);
      }
      // A source counts when written with any value but null (a mistyped one is set, for the decoder's error to follow).
      const sources = [claim.resourceClaimName, claim.resourceClaimTemplateName].filter((f) => f !== undefined && f.written !== null);
      if (sources.length === 2) {
        report({ message: 'A Pod resource claim that names both a claim and a template (`Invalid value: at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified`).', span: sources[1]!.keySpan, path: claim.$path });
      } else if (sources.length === 0) {
        report({ message: 'A Pod resource claim that names neither a claim nor a template (`Invalid value: must specify one of: `resourceClaimName`, `resourceClaimTemplateName``).', span: claim.$span, path: claim.$path });
      }
    }
    const known = [...podClaims].sort();
    const detail = known.length === 0 ? 'must be one of the names in pod.spec.resourceClaims which is empty' : `must be one of the names in pod.spec.resourceClaims: ${known.join(', ')}`;
    for (const c of [...spec.initContainers, ...spec.containers]) {
      const seen = new Set<string>();
      for (const claim of c.fields.resources?.claims ?? []) {
        const name = claim.name;
        if (!name || name.written === '' || name.written === null) {
          report({ message: 'A container claim without a name (`Required value`).', span: name?.keySpan ?? claim.$span, path: claim.$path });
          continue;
        }
        const claimName = name.value;
        if (claimName === undefined) continue;
        const req = claim.request;
        const request = req?.value ?? '';
        if (req && request !== '' && dns1123LabelProblems(request).length > 0) {
          report({ message: `A claim request that is not a request name (\`Invalid value: ${quote(request)}: ${dns1123LabelProblems(request).join(', ')}\`).`, span: req.span, path: req.path });
        }
        const key = request === '' ? claimName : `${claimName}/${request}`;
        // A whole claim next to one of its requests overlaps, in either order.
        const overlaps = seen.has(claimName) || seen.has(key) || (request === '' && [...seen].some((k) => k.startsWith(`${claimName}/`)));
        // validateResourceClaimNames names the whole claim unless the same claim/request pair came before.
        const duplicate = !seen.has(claimName) && seen.has(key) ? key : claimName;
        if (overlaps) report({ message: `A container refers to the claim ${quote(claimName)} more than once (\`Duplicate value: ${quote(duplicate)}\`).`, span: name.span, path: claim.$path });
        seen.add(key);
        if (!podClaims.has(claimName)) {
          report({ message: `A container claim that is not one of the Pod's resourceClaims (\`Not found: ${quote(claimName)}: ${detail}\`).`, span: name.span, path: claim.$path });
        }
      }
    }
  },
};
