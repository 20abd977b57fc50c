/** `--namespace`/`-n` (kubectl's flag) for check and inspect: where objects without `metadata.namespace` go. */
import { isNamespaceName } from '../analysis/k8s/namespace';
import { UsageError, type ParsedArgs } from './args';

/**
 * The namespace given, or '' (Kubernetes' `default`) without the flag. The API server refuses a namespace that is not
 * a DNS-1123 label (validation.go ValidateNamespaceName), so such a value is a usage error before anything is read.
 */
export function namespaceFromArgs(args: ParsedArgs): string {
  const value = args.flags.get('namespace');
  if (value === undefined) return '';
  if (value === true || !isNamespaceName(value)) {
    throw new UsageError(`--namespace must be a namespace name: a lowercase RFC 1123 label of at most 63 characters, such as prod${value === true ? '' : ` (got ${JSON.stringify(value)})`}`, true);
  }
  return value;
}
