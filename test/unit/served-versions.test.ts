/** The served-versions table against each release Pod Lens can target: removed is never served, deprecated warns only while served, replacements are served. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { API_LIFECYCLE, deprecationWarning, lifecycleOf, unserved } from '../../server/src/analysis/schema/served';
import { minorNumber, SUPPORTED_MINORS } from '../../server/src/analysis/k8s/target';

for (const minor of SUPPORTED_MINORS) {
  test(`served versions in Kubernetes ${minor}: each entry is removed, warned about or served, never two at once`, () => {
    for (const e of API_LIFECYCLE) {
      for (const kind of e.kinds) {
        const removed = e.removed !== undefined && minorNumber(minor) >= minorNumber(e.removed);
        const gone = unserved(e.apiVersion, kind, minor);
        const warning = deprecationWarning(e.apiVersion, kind, minor);
        assert.equal(gone !== undefined, removed, `${e.apiVersion} ${kind}: removed in ${e.removed ?? 'never'}`);
        if (gone) {
          assert.equal(gone.removedIn, e.removed);
          assert.equal(warning, undefined, `${e.apiVersion} ${kind}: no deprecation warning once removed`);
        }
        const warned = !removed && e.deprecated !== undefined && minorNumber(minor) >= minorNumber(e.deprecated);
        assert.equal(warning !== undefined, warned, `${e.apiVersion} ${kind}: deprecated in ${e.deprecated ?? 'never'}`);
        // The replacement itself is served in every release Pod Lens targets.
        const replacement = e.replacement.split(' ')[0]!;
        assert.equal(lifecycleOf(replacement, e.replacement.split(' ')[1] ?? kind)?.removed, undefined, `${e.replacement} is not removed itself`);
      }
    }
  });
}

test('an entry is ordered: deprecated before removed', () => {
  for (const e of API_LIFECYCLE) if (e.deprecated && e.removed) assert.ok(minorNumber(e.deprecated) < minorNumber(e.removed), e.apiVersion);
});

// Known facts of the Deprecated API Migration Guide and the API server's warnings, on both sides of a change.
const FACTS: Array<[string, string, string, 'served' | 'deprecated' | 'removed']> = [
  ['flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema', '1.31', 'deprecated'],
  ['flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema', '1.32', 'removed'],
  ['flowcontrol.apiserver.k8s.io/v1beta2', 'PriorityLevelConfiguration', '1.28', 'deprecated'],
  ['flowcontrol.apiserver.k8s.io/v1beta2', 'PriorityLevelConfiguration', '1.29', 'removed'],
  ['v1', 'Endpoints', '1.32', 'served'],
  ['v1', 'Endpoints', '1.33', 'deprecated'],
  ['batch/v1beta1', 'CronJob', '1.29', 'removed'],
  ['autoscaling/v2beta2', 'HorizontalPodAutoscaler', '1.29', 'removed'],
  ['batch/v1', 'CronJob', '1.36', 'served'],
];

for (const [apiVersion, kind, minor, want] of FACTS) {
  test(`${apiVersion} ${kind} in ${minor}: ${want}`, () => {
    const got = unserved(apiVersion, kind, minor) ? 'removed' : deprecationWarning(apiVersion, kind, minor) ? 'deprecated' : 'served';
    assert.equal(got, want);
  });
}

test('the warning is the API server\'s own text', () => {
  assert.equal(
    deprecationWarning('flowcontrol.apiserver.k8s.io/v1beta3', 'PriorityLevelConfiguration', '1.30'),
    'flowcontrol.apiserver.k8s.io/v1beta3 PriorityLevelConfiguration is deprecated in v1.29+, unavailable in v1.32+; use flowcontrol.apiserver.k8s.io/v1 PriorityLevelConfiguration',
  );
  assert.equal(
    deprecationWarning('flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema', '1.28'),
    'flowcontrol.apiserver.k8s.io/v1beta2 FlowSchema is deprecated in v1.26+, unavailable in v1.29+; use flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema',
  );
  assert.equal(deprecationWarning('v1', 'Endpoints', '1.36'), 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice');
});

test('the apiVersion fix is offered only where the replacement reads the same fields', () => {
  assert.equal(unserved('batch/v1beta1', 'CronJob', '1.36')?.compatible, true);
  assert.equal(unserved('extensions/v1beta1', 'Ingress', '1.36')?.compatible, false);
  assert.equal(unserved('policy/v1beta1', 'PodDisruptionBudget', '1.36')?.compatible, false);
  assert.deepEqual(unserved('apps/v1', 'Pod', '1.36'), { message: 'no matches for kind "Pod" in version "apps/v1": Pod is served as v1', served: 'v1', compatible: true });
  assert.equal(unserved('example.com/v1', 'Deployment', '1.36'), undefined, 'a custom resource of the same name');
});
