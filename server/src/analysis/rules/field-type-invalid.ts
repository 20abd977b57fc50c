/** field-type-invalid: a value of the wrong JSON type for its field, as the API server's decoder reports it. */
import { reportSchemaProblems } from './support/schema-problems';
import type { Rule } from './types';

export const fieldTypeInvalid: Rule = {
  id: 'field-type-invalid',
  defaultSeverity: 'error',
  title: 'Wrong value type',
  source:
    'encoding/json (sigs.k8s.io/json) UnmarshalTypeError: `json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32`; apimachinery resource.Quantity and intstr.IntOrString UnmarshalJSON; Go base64: `illegal base64 data at input byte N`.',
  description:
    'A value the API server cannot decode into its field: a quoted number where an integer belongs (`replicas: "3"`, `containerPort: "80"`), a number where a string belongs (`value: 1` in `env`), a map where a list belongs, a boolean where a quantity belongs, an unsubstituted placeholder (`${REPLICAS}`). The API server rejects the object before any validation.',
  howToFix: 'Write the value in the field\'s type: integers unquoted, strings quoted when they look like numbers or booleans (`"1"`, `"true"`), lists with `-` items. Substitute placeholders before applying.',
  consequence: 'The API server rejects the object.',
  check(context) {
    reportSchemaProblems(context, 'type');
  },
};
