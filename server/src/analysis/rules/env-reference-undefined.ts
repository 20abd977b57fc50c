/** env-reference-undefined: `$(VAR)` naming no variable defined before it stays literal text (kubelet expansion). */
import type { ContainerView } from '../model/pod-spec';
import { excerpt } from './support/quote';
import type { Rule } from './types';

/** The `$(NAME)` references of a string, with `$$` as the escape (third_party/forked/golang/expansion). */
export function references(value: string): Array<{ name: string; start: number; end: number }> {
  const out: Array<{ name: string; start: number; end: number }> = [];
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== '$') continue;
    if (value[i + 1] === '$') {
      i++;
      continue;
    }
    if (value[i + 1] !== '(') continue;
    const close = value.indexOf(')', i + 2);
    if (close < 0) break;
    const name = value.slice(i + 2, close);
    // A name with `$` or `(` inside is not expanded (no nesting): it stays as written.
    if (name.length > 0 && !/[$(]/.test(name)) out.push({ name, start: i, end: close + 1 });
    i = close;
  }
  return out;
}

function check(c: ContainerView, report: Parameters<Rule['check']>[0]['report'], kustomizeVars: ReadonlySet<string>): void {
  // envFrom brings names we cannot see, and service links bring *_SERVICE_HOST/PORT: stay quiet about those.
  if (c.fields.$entry('envFrom') !== undefined) return;
  const serviceLink = /_SERVICE_(HOST|PORT)(_[A-Z0-9_]+)?$|_PORT(_\d+_(TCP|UDP|SCTP)(_(PROTO|PORT|ADDR))?)?$/;
  const defined = new Set<string>();
  const all = new Set(c.fields.env.map((env) => env.name?.value).filter((n) => n !== undefined));
  for (const env of c.fields.env) {
    const value = env.value;
    if (value?.value !== undefined) {
      for (const r of references(value.value)) {
        if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(r.name) || defined.has(r.name) || serviceLink.test(r.name) || kustomizeVars.has(r.name)) continue;
        const later = all.has(r.name) ? ' (it is defined later in the list, which is too late)' : '';
        report({ message: `$(${excerpt(r.name)}) refers to no variable defined before it${later}; the kubelet leaves it as the literal text "$(${excerpt(r.name)})". Write $$(${excerpt(r.name)}) if you mean that text.`, span: value.span, path: value.path });
      }
    }
    const name = env.name?.value;
    if (name !== undefined) defined.add(name);
  }
  // command and args are expanded against the container's whole environment.
  for (const item of [...c.fields.command, ...c.fields.args]) {
    if (item.value === undefined) continue;
    for (const r of references(item.value)) {
      // `$(date)` in a shell command is command substitution the kubelet passes through on purpose: only
      // variable-looking names (upper case) are reported here.
      if (!/^[A-Z_][A-Z0-9_]*$/.test(r.name) || all.has(r.name) || serviceLink.test(r.name) || kustomizeVars.has(r.name)) continue;
      report({ message: `$(${excerpt(r.name)}) refers to no environment variable of this container; the kubelet leaves it as the literal text. Write $$(${excerpt(r.name)}) to mean that text, or use the shell's $${excerpt(r.name)}.`, span: item.span, path: item.path });
    }
  }
}

export const envReferenceUndefined: Rule = {
  id: 'env-reference-undefined',
  defaultSeverity: 'warning',
  judgesAbsence: true,
  title: '$(VAR) that the kubelet will not expand',
  source:
    'third_party/forked/golang/expansion (kubelet): `$(VAR)` expands only variables defined earlier in `env` (command and args: any of the container\'s); an unknown reference stays as written; `$$` escapes.',
  description:
    'The kubelet replaces `$(NAME)` in env values, `command` and `args` with the variable\'s value, but only for variables it knows at that point: env values see only the entries above them. Anything else stays as the literal text `$(NAME)`, which is rarely what was meant. Containers with `envFrom` are skipped (their names are not in the manifest), and so are names a kustomization that builds the file declares in `vars` (Kustomize substitutes them before the kubelet sees the text; `$$(NAME)` would break that).',
  howToFix: 'Define the variable before the entry that uses it, fix the name, or write `$$(NAME)` to keep the text literally.',
  check({ document, report, options }) {
    // Kustomize replaces `$(NAME)` of its `vars` at build time (api/types/var.go): the kubelet never sees those.
    const kustomizeVars = new Set(options.kustomize?.vars ?? []);
    for (const c of document.workload?.podSpec.all ?? []) check(c, report, kustomizeVars);
  },
};
