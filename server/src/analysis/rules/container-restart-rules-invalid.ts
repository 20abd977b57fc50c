/**
 * container-restart-rules-invalid: a container's restartPolicy and restartPolicyRules as validation.go checks them when
 * the ContainerRestartRules gate is on (KEP-5307). With the gate off the API server drops restartPolicyRules silently.
 * The restartPolicy value itself is container-restart-policy's and init-container-restart-policy's (one finding each).
 */
import { isSeq } from 'yaml';
import type { ContainerView } from '../model/pod-spec';
import type { Field } from '../model/node-view';
import type { ContainerRestartRule } from '../model/api/types';
import { describeFeature, isFeatureEnabled, type KubernetesTarget } from '../k8s/target';
import type { Report, Rule } from './types';
import { notSupported, tooMany } from './support/api-error';

const OPERATORS = ['In', 'NotIn'];
const MAX_RULES = 20;
const MAX_EXIT_CODES = 255;
const REJECTS = 'the API server rejects the object';

function valueSpan(field: Field) {
  return field.node ? field.span : field.keySpan;
}

/** validation.go validateContainerRestartPolicy: each rule's action and exit codes. */
function checkRules(c: ContainerView, target: KubernetesTarget | undefined, report: Report): void {
  const written = c.fields.$entry('restartPolicyRules');
  if (!written || !isSeq(written.node)) return;
  // Every item written counts, as the user sees the list; the typed list holds only the items that are mappings.
  const count = written.node.items.length;
  if (count > MAX_RULES) {
    report({ message: `More than ${MAX_RULES} restart rules; ${REJECTS} (\`${tooMany(count, MAX_RULES)}\`).`, span: written.keySpan, path: written.path });
  }
  const restartAll = isFeatureEnabled(target, 'RestartAllContainersOnContainerExits');
  const actions = restartAll ? ['Restart', 'RestartAllContainers'] : ['Restart'];
  for (const rule of c.fields.restartPolicyRules) checkRule(rule, actions, restartAll, target, report);
}

function checkRule(rule: ContainerRestartRule, actions: string[], restartAll: boolean, target: KubernetesTarget | undefined, report: Report): void {
  const action = rule.action;
  // What is written, mistyped or not, is what the message quotes (a mistyped one is field-type-invalid's too).
  const actionValue = action?.written ?? '';
  if (!actions.includes(String(actionValue))) {
    // RestartAllContainers is a real action whose gate is off: say which gate would allow it.
    const gate = actionValue === 'RestartAllContainers' && !restartAll ? `, which needs ${describeFeature(target, 'RestartAllContainersOnContainerExits')}` : '';
    report({
      message: `${action ? 'Unsupported' : 'Missing'} restart rule action${gate}; ${REJECTS} (\`${notSupported(actionValue, actions)}\`).`,
      span: action ? valueSpan(action) : rule.$span,
      path: `${rule.$path}.action`,
    });
  }
  // `exitCodes: null` decodes to nil: as missing as no key at all.
  const exitCodes = rule.$entry('exitCodes');
  if (!exitCodes || exitCodes.value === null) {
    report({ message: `A restart rule without exitCodes; ${REJECTS} (\`Required value: must be specified\`).`, span: exitCodes?.keySpan ?? rule.$span, path: `${rule.$path}.exitCodes` });
    return;
  }
  const codes = rule.exitCodes;
  if (!codes) return;
  const operator = codes.operator;
  const operatorValue = operator?.written ?? '';
  if (!OPERATORS.includes(String(operatorValue))) {
    report({
      message: `${operator ? 'Unsupported' : 'Missing'} exitCodes operator; ${REJECTS} (\`${notSupported(operatorValue, OPERATORS)}\`).`,
      span: operator ? valueSpan(operator) : exitCodes.keySpan,
      path: `${codes.$path}.operator`,
    });
  }
  const values = codes.$entry('values');
  if (values && codes.values.length > MAX_EXIT_CODES) {
    report({ message: `More than ${MAX_EXIT_CODES} exit codes in one rule; ${REJECTS} (\`${tooMany(codes.values.length, MAX_EXIT_CODES)}\`).`, span: values.keySpan, path: values.path });
  }
}

/** Rules need a container-level restartPolicy (validateContainerRestartPolicy and validateInitContainerRestartPolicy). */
function checkPolicyPresent(c: ContainerView, report: Report): boolean {
  const rules = c.fields.$entry('restartPolicyRules');
  if (!rules || c.fields.restartPolicy !== undefined || rules.value === null) return true;
  report({
    message: `restartPolicyRules without a container restartPolicy; ${REJECTS} (\`Required value: must specify restartPolicy when restart rules are used\`).`,
    span: rules.keySpan,
    path: `${c.path}.restartPolicy`,
  });
  return false;
}

export const containerRestartRulesInvalid: Rule = {
  id: 'container-restart-rules-invalid',
  defaultSeverity: 'error',
  // Partly judges what the object lacks (a field set elsewhere, in the base a Kustomize patch applies to).
  judgesAbsence: true,
  title: 'Invalid container restart rules',
  source:
    'pkg/apis/core/validation/validation.go validateContainerRestartPolicy (`Unsupported value` for action and operator; `Required value: must specify restartPolicy when restart rules are used`; `exitCodes: Required value: must be specified`; `Too many` past 20 rules or 255 exit codes) and validateInitContainerRestartPolicy (`Forbidden: restartPolicyRules are not allowed for init containers with restart policy Always` without RestartAllContainersOnContainerExits); gated by ContainerRestartRules (pkg/api/pod/util.go AllowContainerRestartPolicyRules).',
  description:
    'With the ContainerRestartRules feature (beta and on by default from Kubernetes 1.35) each app or init container may set `restartPolicy` (Always, OnFailure or Never) and `restartPolicyRules` that restart it on chosen exit codes. The API server rejects rules without a container `restartPolicy`, rules with an action other than `Restart` (`RestartAllContainers` needs the alpha RestartAllContainersOnContainerExits gate), rules without `exitCodes` or with an operator other than `In`/`NotIn`, more than 20 rules or 255 exit codes, and rules on a sidecar (an init container with `restartPolicy: Always`). When the gate is off in the target, the API server drops `restartPolicyRules` instead, and this rule is silent.',
  howToFix: 'Set the container\'s `restartPolicy`, use `action: Restart` with `exitCodes: {operator: In|NotIn, values: [...]}`, and keep rules off sidecars.',
  check({ document, options, report }) {
    const spec = document.workload?.podSpec;
    if (!spec || !isFeatureEnabled(options.target, 'ContainerRestartRules')) return;
    for (const c of spec.containers) {
      // validateContainerRestartPolicy goes on to the rules after a missing policy.
      checkPolicyPresent(c, report);
      checkRules(c, options.target, report);
    }
    for (const c of spec.initContainers) {
      if (!checkPolicyPresent(c, report)) continue;
      const rules = c.fields.$entry('restartPolicyRules');
      if (c.type === 'sidecar' && !isFeatureEnabled(options.target, 'RestartAllContainersOnContainerExits')) {
        if (rules && rules.value !== null) {
          report({
            message: `Restart rules on a sidecar (an init container with restartPolicy: Always) need ${describeFeature(options.target, 'RestartAllContainersOnContainerExits')}; ${REJECTS} (\`Forbidden: restartPolicyRules are not allowed for init containers with restart policy Always\`).`,
            span: rules.keySpan,
            path: rules.path,
          });
        }
        continue;
      }
      checkRules(c, options.target, report);
    }
  },
};
