/** `--kubernetes-version 1.31` and `--feature-gates Name=true,Other=false`: the target of check and inspect. */
import { isFeatureGateName, FEATURE_GATES } from '../analysis/k8s/feature-gates';
import { DEFAULT_TARGET, parseMinor, SUPPORTED_MINORS, type KubernetesTarget } from '../analysis/k8s/target';
import { UsageError, type ParsedArgs } from './args';

export function targetFromArgs(args: ParsedArgs): KubernetesTarget {
  const version = args.flags.get('kubernetes-version');
  let minor = DEFAULT_TARGET.minor;
  if (version !== undefined) {
    const parsed = version === true ? undefined : parseMinor(version);
    if (!parsed) throw new UsageError(`--kubernetes-version must be one of: ${SUPPORTED_MINORS.join(', ')}${version === true ? '' : ` (got ${JSON.stringify(version)})`}`, true);
    minor = parsed;
  }
  const gates = args.flags.get('feature-gates');
  const featureGates: Record<string, boolean> = {};
  if (gates !== undefined) {
    if (gates === true) throw new UsageError('--feature-gates needs Name=true|false pairs separated by commas', true);
    for (const pair of gates.split(',').map((p) => p.trim()).filter(Boolean)) {
      // The kube components' own syntax (--feature-gates=A=true,B=false).
      const m = /^([A-Za-z0-9]+)=(true|false)$/.exec(pair);
      if (!m) throw new UsageError(`--feature-gates: ${JSON.stringify(pair)} is not Name=true or Name=false`, true);
      if (!isFeatureGateName(m[1]!)) throw new UsageError(`--feature-gates: unknown gate ${m[1]}; Pod Lens knows ${Object.keys(FEATURE_GATES).join(', ')}`, true);
      featureGates[m[1]!] = m[2] === 'true';
    }
  }
  return { minor, featureGates };
}
