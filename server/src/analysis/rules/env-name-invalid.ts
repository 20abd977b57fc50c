/** env-name-invalid: environment variable names: required, no `=`; the strict C-identifier-like form for older clusters. */
import type { Rule } from './types';
import { DEFAULT_TARGET, describeFeature, firstDefaultOnMinor, isFeatureEnabled } from '../k8s/target';
import { quote } from './support/quote';

// validation.go validateEnvVarName: the strict regex, or with RelaxedEnvironmentVariableValidation any printable ASCII but '='.
const STRICT = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const RELAXED = /^[\x20-\x3c\x3e-\x7e]+$/;
const STRICT_MESSAGE =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

export const envNameInvalid: Rule = {
  id: 'env-name-invalid',
  defaultSeverity: 'error',
  title: 'Invalid environment variable name',
  source:
    'validation.go ValidateEnv / validateEnvVarName: `Required value`; strict IsEnvVarName (the message below); with the RelaxedEnvironmentVariableValidation gate (beta and on by default in 1.32, GA in 1.34, pkg/features/kube_features.go) any printable ASCII character except `=` is allowed.',
  description:
    'An `env` entry (or `envFrom` prefix) whose name is empty, contains `=` or a non-printable character — rejected by every release — or, in a target without the RelaxedEnvironmentVariableValidation feature (before 1.32, or with the gate off), a name outside the strict form (`[-._a-zA-Z][-._a-zA-Z0-9]*`, e.g. starting with a digit or containing `:`).',
  howToFix: 'Use letters, digits, `_`, `-` and `.`, not starting with a digit.',
  consequence: 'The API server rejects the object.',
  check({ document, options, report }) {
    const target = options.target ?? DEFAULT_TARGET;
    const relaxed = isFeatureEnabled(target, 'RelaxedEnvironmentVariableValidation');
    for (const c of document.workload?.podSpec.all ?? []) {
      const named = [
        ...c.fields.env.map((env) => env.name ?? { missing: env }),
        ...c.fields.envFrom.map((from) => from.prefix).filter((f) => f !== undefined),
      ];
      for (const f of named) {
        if ('missing' in f) {
          report({ message: `Required value: an env entry needs a name`, span: f.missing.$span, path: `${f.missing.$path}.name` });
          continue;
        }
        // A name that is not a string is field-type-invalid's.
        if (f.value === undefined) continue;
        if (f.value === '' && f.path.endsWith('.prefix')) continue;
        if (f.value === '' || !RELAXED.test(f.value)) {
          report({ message: `Invalid value: ${quote(f.value)}: must not be empty, contain '=' or non-printable characters`, span: f.span, path: f.path });
        } else if (!relaxed && (!STRICT.test(f.value) || f.value === '.' || f.value === '..' || f.value.startsWith('..'))) {
          const from = firstDefaultOnMinor('RelaxedEnvironmentVariableValidation');
          report({ message: `Invalid value: ${quote(f.value)}: ${STRICT_MESSAGE}. Relaxed names need ${describeFeature(target, 'RelaxedEnvironmentVariableValidation')}; it is on by default from Kubernetes ${from}`, span: f.span, path: f.path });
        }
      }
    }
  },
};
