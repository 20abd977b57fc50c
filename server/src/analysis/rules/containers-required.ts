/** containers-required: a pod spec needs at least one app container. */
import { isSeq } from 'yaml';
import { fieldPath } from '../model/node-view';
import type { Rule } from './types';

export const containersRequired: Rule = {
  id: 'containers-required',
  defaultSeverity: 'error',
  judgesAbsence: true,
  title: 'No containers',
  source: 'validation.go validateContainers: `spec.containers: Required value` when the list is empty or missing.',
  description: 'A pod spec without any entry in `containers`. Init containers and sidecars alone do not make a Pod; the API server rejects it.',
  howToFix: 'Add at least one container under `containers:`.',
  check({ document, report }) {
    const spec = document.workload?.podSpec;
    if (!spec || spec.containers.length > 0) return;
    const field = spec.fields.$entry('containers');
    // Items of the wrong shape are a different mistake (the list is not empty); say nothing rather than the wrong thing.
    // A `containers` that is not a list is a decoding error (field-type-invalid), not a missing field.
    if (field?.node && (!isSeq(field.node) || field.node.items.length > 0)) return;
    const path = fieldPath(spec.path, 'containers');
    report({ message: `Required value: a Pod needs at least one container; the API server rejects the object.`, span: field?.keySpan ?? spec.fields.$span, path });
  },
};
