/** image-pull-secret-not-found / wrong type: pull secrets resolved against the Secrets of the workspace. */
import { excerpt } from './support/quote';
import type { Rule } from './types';
import { quote } from './support/quote';
import { namespaceIn } from '../k8s/namespace';

const PULL_SECRET_TYPES = ['kubernetes.io/dockerconfigjson', 'kubernetes.io/dockercfg'];

export const imagePullSecretNotFound: Rule = {
  id: 'image-pull-secret-not-found',
  defaultSeverity: 'information',
  scope: 'workspace',
  title: 'Pull secret not in the workspace, or of the wrong type',
  source:
    'kubelet (pkg/kubelet/kubelet_pods.go getPullSecretsForPod): a missing pull secret is skipped with a warning event and the image is pulled without it; only Secrets of type kubernetes.io/dockerconfigjson or kubernetes.io/dockercfg hold registry credentials (pkg/credentialprovider/secrets).',
  description:
    'An `imagePullSecrets` name that no Secret in the same namespace of this workspace defines (information: it may be created elsewhere, e.g. by a sealed-secrets controller), or a Secret of another type (warning: the kubelet ignores its data and pulls anonymously, so private images fail with `ImagePullBackOff`). A Pod without `metadata.namespace` is in `podLens.defaultNamespace` (or `--namespace`), else `default`, as `kubectl apply -n` would put it.',
  howToFix: 'Create the Secret with `kubectl create secret docker-registry <name> …` in the Pod\'s namespace, or fix the name.',
  check({ document, options, report }) {
    const ws = options.workspace;
    const spec = document.workload?.podSpec;
    if (!ws || !spec) return;
    for (const secret of spec.fields.imagePullSecrets) {
      const name = secret.name;
      if (!name?.value) continue;
      const found = ws.find('Secret', name.value, document.namespace);
      if (found.length === 0) {
        if (!ws.hasKind('Secret')) continue;
        report({ message: `Secret ${quote(name.value)} is not defined in namespace ${namespaceIn(document.namespace, ws)} in this workspace; if it does not exist in the cluster, the kubelet pulls without credentials.`, span: name.span, path: name.path });
        continue;
      }
      // Every definition counts (the answer must not depend on file order): one of a pull-secret type is enough.
      const types = [...new Set(found.map((o) => o.facts.type))];
      const type = types.find((t) => !PULL_SECRET_TYPES.includes(t)) ?? types[0]!;
      if (!types.some((t) => PULL_SECRET_TYPES.includes(t))) {
        report({ severity: 'warning', message: `Secret ${quote(name.value)} has type ${excerpt(type)}, not kubernetes.io/dockerconfigjson: the kubelet ignores it for pulls and private images fail with ImagePullBackOff.`, span: name.span, path: name.path });
      }
    }
  },
};
