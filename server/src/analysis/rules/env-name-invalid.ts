/** env-name-invalid: environment variable names: required, no `=`; the strict C-identifier-like form for older clusters. */
import type { Rule } from './types';
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
    'validation.go ValidateEnv / validateEnvVarName: `Required value`; strict IsEnvVarName (the message below); with the RelaxedEnvironmentVariableValidation gate any printable ASCII character except `=` is allowed.',
  description:
    'An `env` entry (or `envFrom` prefix) whose name is empty, contains `=` or a non-printable character — rejected by every cluster — or, as a warning, a name outside the strict form (`[-._a-zA-Z][-._a-zA-Z0-9]*`, e.g. starting with a digit or containing a space), which clusters without the RelaxedEnvironmentVariableValidation feature reject.',
  howToFix: 'Use letters, digits, `_`, `-` and `.`, not starting with a digit.',
  consequence: "The API server rejects names with '=' or control characters; the others only where relaxed validation is off.",
  check({ document, report }) {
    for (const c of document.workload?.podSpec.all ?? []) {
      const named = [
        ...(c.view.seq('env')?.maps() ?? []).map(({ view }) => view.get('name') ?? { missing: view }),
        ...(c.view.seq('envFrom')?.maps() ?? []).map(({ view }) => view.get('prefix')).filter((f) => f !== undefined),
      ];
      for (const f of named) {
        if ('missing' in f) {
          report({ message: `${f.missing.path}.name: Required value`, span: f.missing.span, path: `${f.missing.path}.name` });
          continue;
        }
        if (typeof f.value !== 'string') continue;
        if (f.value === '' && f.path.endsWith('.prefix')) continue;
        if (f.value === '' || !RELAXED.test(f.value)) {
          report({ message: `${f.path}: Invalid value: ${quote(f.value)}: must not be empty, contain '=' or non-printable characters`, span: f.span, path: f.path });
        } else if (!STRICT.test(f.value) || f.value === '.' || f.value === '..' || f.value.startsWith('..')) {
          report({ severity: 'warning', message: `${f.path}: Invalid value: ${quote(f.value)}: ${STRICT_MESSAGE} — accepted only where RelaxedEnvironmentVariableValidation is enabled.`, span: f.span, path: f.path });
        }
      }
    }
  },
};
