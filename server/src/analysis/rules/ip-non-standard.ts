/** ip-non-standard: IPv4 with leading zeros or IPv4-mapped IPv6 in dnsConfig.nameservers and hostAliases (warnings.go). */
import { quoteOf } from '../model/node-view';
import type { Rule } from './types';
import { quote } from './support/quote';

/** The standard form of a non-standard IP, or undefined when it is standard (or not an IP at all). */
function standardIp(ip: string): string | undefined {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (v4) {
    const parts = v4.slice(1).map((p) => String(Number(p)));
    const canonical = parts.join('.');
    return canonical !== ip && parts.every((p) => Number(p) <= 255) ? canonical : undefined;
  }
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  return mapped ? (standardIp(mapped[1]!) ?? mapped[1]) : undefined;
}

export const ipNonStandard: Rule = {
  id: 'ip-non-standard',
  defaultSeverity: 'warning',
  title: 'Non-standard IP address',
  source: 'pkg/api/pod/warnings.go: `spec.dnsConfig.nameservers[1]: non-standard IP address "05.06.07.08" will be considered invalid in a future Kubernetes release: use "5.6.7.8"` (also hostAliases[].ip).',
  description: 'An IPv4 address with leading zeros (read as decimal by Go, octal by other tools) or an IPv4-mapped IPv6 address, in `dnsConfig.nameservers` or `hostAliases[].ip`. The API server warns that a future release will reject it.',
  howToFix: 'Write the address in its standard form; the quick fix does it.',
  consequence: 'The API server accepts it and returns this as a warning.',
  check({ document, report }) {
    const spec = document.workload?.podSpec;
    if (!spec) return;
    const fields = [...(spec.fields.dnsConfig?.nameservers ?? []), ...spec.fields.hostAliases.map((alias) => alias.ip)];
    for (const f of fields) {
      if (f?.value === undefined) continue;
      const use = standardIp(f.value);
      if (!use) continue;
      report({
        message: `non-standard IP address ${quote(f.value)} will be considered invalid in a future Kubernetes release: use ${quote(use)}`,
        span: f.span,
        path: f.path,
        fixes: [{ title: `Change to ${use}`, kind: 'quickfix', isPreferred: true, edits: [{ span: f.span, newText: `${quoteOf(f.node)}${use}${quoteOf(f.node)}` }] }],
      });
    }
  },
};
