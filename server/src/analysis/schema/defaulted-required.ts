/**
 * What defaulting makes invalid: a Job's (or CronJob's) pod template without restartPolicy is defaulted to Always
 * (SetDefaults_PodSpec), which batch validation then rejects. Reported where the template's pod spec starts.
 */
import type { ManifestDocument } from '../model/manifest';
import { fieldPath } from '../model/node-view';
import type { SchemaProblem } from './validate';

export function defaultedRestartPolicy(document: ManifestDocument): SchemaProblem | undefined {
  const w = document.workload;
  if (!w?.kind.isJob || w.podSpec.view.has('restartPolicy')) return undefined;
  // The key that opens the pod spec (`spec:` of the template): walk the kind's path from the root.
  let view = document.root;
  // A custom resource's template (KEDA's jobTargetRef.template) is found by its own path, not the built-in one.
  let keySpan = w.template?.get('spec')?.keySpan ?? w.podSpec.view.span;
  for (const key of w.kind.podSpecPath) {
    const field = view?.get(key);
    if (field) keySpan = field.keySpan;
    view = view?.map(key);
  }
  const path = fieldPath(w.podSpec.path, 'restartPolicy');
  return {
    kind: 'required',
    message: `Unsupported value: "Always": supported values: "OnFailure", "Never" (restartPolicy is not set and defaults to Always)`,
    span: keySpan,
    path,
    fixes: undefined,
    data: { field: 'restartPolicy', defaulted: 'Always' },
  };
}
