/** resources-missing (advice): containers without the requests and limits the team requires (podLens.resources.required). */
import { DEFAULT_RESOURCES_REQUIRED } from '../options';
import { containerFieldPath } from '../model/pod-spec';
import type { Rule } from './types';
import { quote } from './support/quote';

export const resourcesMissing: Rule = {
  id: 'resources-missing',
  defaultSeverity: 'information',
  judgesAbsence: true,
  // Advice, not a Kubernetes rule: off until a team opts in ("podLens.rules": { "resources-missing": "information" }).
  enabledByDefault: false,
  title: 'Container without requests or limits',
  source:
    'Kubernetes docs, "Resource Management for Pods and Containers": without requests the scheduler places the Pod blind and it is first to be evicted (QoS BestEffort); without a memory limit one container can take the node\'s memory.',
  description:
    'An app container or sidecar without the requests or limits your settings ask for (`podLens.resources.required`; by default cpu and memory requests and a memory limit). Init containers are not checked: they count only while they run.',
  howToFix: 'Add `resources.requests` (and the limits you require) to the container.',
  check({ document, options, report }) {
    const required = options.resourcesRequired ?? DEFAULT_RESOURCES_REQUIRED;
    const wanted: Array<[boolean, 'requests' | 'limits', 'cpu' | 'memory']> = [
      [required.cpuRequest, 'requests', 'cpu'],
      [required.memoryRequest, 'requests', 'memory'],
      [required.cpuLimit, 'limits', 'cpu'],
      [required.memoryLimit, 'limits', 'memory'],
    ];
    const spec = document.workload?.podSpec;
    // Pod-level resources cover the containers (written at all, whatever their value).
    if (!spec || spec.fields.$entry('resources') !== undefined) return;
    for (const c of [...spec.sidecars, ...spec.containers]) {
      const resources = c.fields.resources;
      // A resource counts when its name is written under requests or limits, whatever its value.
      const missing = wanted.filter(([on, which, name]) => on && !resources?.[which].has(name)).map(([, which, name]) => `${name} ${which === 'requests' ? 'request' : 'limit'}`);
      if (missing.length === 0) continue;
      const anchor = c.fields.$entry('resources')?.keySpan ?? c.fields.name?.entrySpan ?? c.span;
      report({ message: `${c.name ? `Container ${quote(c.name)}` : 'This container'} has no ${missing.join(', ')}${missing.some((m) => m.includes('request')) ? ': the scheduler cannot reserve room for it' : ''}.`, span: anchor, path: containerFieldPath(c, 'resources') });
    }
  },
};
