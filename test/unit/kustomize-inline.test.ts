/** A kustomization's inline patches are checked as patches, with findings where their text stands in the kustomization. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis/analyze';
import { parseManifests } from '../../server/src/analysis/model/manifest';

function findings(text: string): Array<[string, string]> {
  return analyze(parseManifests(text)).findings.map((f) => [f.rule, text.slice(f.span.start, f.span.end)]);
}

const KUSTOMIZATION = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources: [../base]
patches:
  - patch: |-   # scale down
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:

          spec:
            containers:
              - name: app
                imagePullPolicy: Sometimes
    target:
      kind: Deployment
patchesStrategicMerge:
  - |
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers: [{name: c, resources: {limits: {cpu: 2 cores}}}]
`;

test('inline patches: partial (no missing image or selector), their own fields checked at their place in the kustomization', () => {
  assert.deepEqual(findings(KUSTOMIZATION), [
    ['image-pull-policy-invalid', 'Sometimes'],
    ['resource-quantity-invalid', '2 cores'],
  ]);
  // CR LF line ends map the same way.
  assert.deepEqual(findings(KUSTOMIZATION.replace(/\n/g, '\r\n')), [
    ['image-pull-policy-invalid', 'Sometimes'],
    ['resource-quantity-invalid', '2 cores'],
  ]);
});

test('folded or quoted inline patches change their text as YAML reads them: not mapped, not checked', () => {
  const folded = KUSTOMIZATION.replace('- patch: |-   # scale down', '- patch: >-');
  assert.deepEqual(findings(folded), [['resource-quantity-invalid', '2 cores']]);
  const quoted = 'kind: Kustomization\npatchesStrategicMerge:\n  - "apiVersion: v1\\nkind: Pod\\nmetadata: {name: p}\\nspec: {containers: [{name: c, imagePullPolicy: Sometimes}]}"\n';
  assert.deepEqual(findings(quoted), []);
});

test('a document that is no kustomization keeps its `patches` field to itself', () => {
  const other = KUSTOMIZATION.replace('kind: Kustomization', 'kind: Something').replace('kustomize.config.k8s.io/v1beta1', 'example.com/v1');
  assert.deepEqual(findings(other).filter(([rule]) => rule !== 'api-version-unserved'), []);
});
