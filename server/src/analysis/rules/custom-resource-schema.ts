/** custom-resource-schema: a custom resource's own fields against the openAPIV3Schema of its CRD in the workspace. */
import type { Node } from 'yaml';
import { checkCustomResource, type CustomProblem } from '../crd/check-custom-resource';
import type { CrdVersion } from '../crd/crd-definition';
import { nodeSpan } from '../model/node-view';
import type { ManifestDocument } from '../model/manifest';
import type { Rule, RuleContext } from './types';
import { isKustomizePatch } from '../kustomize/patch-workload';

const REJECTS = 'The API server rejects the object.';

/** What a problem's message ends with under the field validation mode (unknown fields only), or undefined to stay silent. */
function decorate(p: CustomProblem, mode: 'Strict' | 'Warn' | 'Ignore'): { message: string; severity?: 'warning' } | undefined {
  if (p.kind !== 'unknown-field') return { message: `${p.message}. ${REJECTS}` };
  if (mode === 'Ignore') return undefined;
  if (mode === 'Warn') return { message: `${p.message}. The API server drops the field (fieldValidation=Warn).`, severity: 'warning' };
  return { message: `strict decoding error: ${p.message}. ${REJECTS.slice(0, -1)} (fieldValidation=Strict, kubectl's default).` };
}

/** Pod templates the API schema already checks (no double findings), and `status` where its subresource ignores it. */
function skippedPaths(document: ManifestDocument, version: CrdVersion, prefix: string): Set<string> {
  const skip = new Set<string>();
  for (const w of document.workloads) {
    if (w.kind.custom?.hasPodSchema) skip.add((w.template ?? w.podSpec.view).path.slice(prefix.length));
  }
  if (version.hasStatusSubresource) skip.add('status');
  return skip;
}

/** Rules run once per pod spec of a document (workload-scope.ts): this one judges the object, so it walks only on the first. */
function isFirstView(document: ManifestDocument): boolean {
  return document.workload === undefined || document.workload === document.workloads[0];
}

function check({ document, options, report }: RuleContext): void {
  const { root, apiVersion, kind } = document;
  const slash = apiVersion?.indexOf('/') ?? -1;
  if (!root || !apiVersion || !kind || slash < 0 || !isFirstView(document)) return;
  // An item of a `kind: List` is sent on its own (the API server's paths start at the item); the finding's path says where it is.
  const prefix = root.path ? `${root.path}.` : '';
  const group = apiVersion.slice(0, slash);
  const definition = options.workspace?.customResourceDefinition?.(group, kind);
  if (!definition) return;
  const version = definition.versions.find((v) => v.name === apiVersion.slice(slash + 1));
  if (!version?.served) {
    const span = nodeSpan((root.pair('apiVersion')?.value ?? null) as Node | null, root.span);
    // apimachinery meta.NoKindMatchError, as kubectl prints it when the REST mapping fails.
    report({ message: `no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}: the CustomResourceDefinition serves ${served(definition.versions)}. kubectl refuses the object.`, span, path: `${prefix}apiVersion` });
    return;
  }
  if (!version.schema) return;
  const mode = options.fieldValidation ?? 'Strict';
  // A Kustomize patch holds only what it changes: what it lacks is its base's business (see Rule.judgesAbsence).
  const isPatch = isKustomizePatch(options);
  for (const p of checkCustomResource(document.doc, root.node, version.schema, skippedPaths(document, version, prefix))) {
    if (isPatch && p.kind === 'required') continue;
    const said = decorate(p, mode);
    if (said) report({ ...said, span: p.span, path: `${prefix}${p.path}` });
  }
}

function served(versions: CrdVersion[]): string {
  const names = versions.filter((v) => v.served).map((v) => v.name);
  return names.length ? names.join(', ') : 'no version';
}

export const customResourceSchema: Rule = {
  id: 'custom-resource-schema',
  defaultSeverity: 'error',
  // It reads the workspace's CRDs: its findings change when a CRD file does.
  scope: 'workspace',
  title: 'Custom resource does not match its CRD',
  source:
    'apiextensions-apiserver: structural pruning with strict field validation (`strict decoding error: unknown field "spec.foo"`), then the openAPIV3Schema through kube-openapi pkg/validation/validate, whose errors pkg/apiserver/validation/validation.go kubeOpenAPIResultToFieldErrors turns into `Invalid value: "string": spec.replicas in body must be of type integer: "string"`, `Required value`, `Unsupported value`, `Too long`; kubectl REST mapping: `no matches for kind "CronTab" in version "stable.example.com/v2"`.',
  description:
    "A custom resource whose own fields do not match the `openAPIV3Schema` of the served version of its CustomResourceDefinition, when the workspace holds that CRD (apiextensions.k8s.io/v1): a value of the wrong type, a missing required field, a value outside the `enum`, a number outside `minimum`/`maximum`, a string outside `minLength`/`maxLength`, a field the schema does not declare (pruned; rejected under strict field validation unless `x-kubernetes-preserve-unknown-fields`), or an apiVersion whose version the CRD does not serve. Without the CRD in the workspace, nothing is said. Pod templates the custom resource embeds are checked by the built-in schema rules, not again here; `pattern`, `format`, CEL rules (`x-kubernetes-validations`) and `oneOf`/`anyOf`/`allOf` are not checked.",
  howToFix: 'Write the field as the CRD declares it (its type, allowed values, bounds), add the required fields, remove or rename unknown ones, or use a version the CRD serves. `podLens.fieldValidation` decides whether unknown fields are errors, warnings or ignored.',
  check,
};
