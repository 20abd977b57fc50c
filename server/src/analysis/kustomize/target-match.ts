/**
 * Whether an object is one a patch's `target` selects, as kustomize's resmap Select does: group, version, kind, name
 * and namespace are regular expressions anchored whole (api/types/selector.go anchorRegex: `^(?:…)$`; empty matches
 * all), then `labelSelector` and `annotationSelector` are label selector expressions (apimachinery labels.Parse:
 * `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`, joined by commas).
 */
import type { PatchTarget } from './kustomization';

type Labels = Record<string, unknown>;

export interface TargetObject {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: { name?: unknown; namespace?: unknown; labels?: Labels; annotations?: Labels } | unknown;
}

/** Longer patterns than any name are not matched (bounds the regular expression's work). */
const MAX_PATTERN = 256;
/** A group quantified inside a quantified group ((a+)+) can backtrack for ever in JavaScript (Go's RE2 cannot): refused. */
const NESTED_QUANTIFIER = /\([^()]*[+*}][^()]*\)[+*{]/;

function matchesPattern(pattern: string | undefined, value: string): boolean {
  if (!pattern) return true;
  if (!/[\\^$.|?*+()[\]{}]/.test(pattern)) return pattern === value;
  if (pattern.length > MAX_PATTERN || NESTED_QUANTIFIER.test(pattern)) return false;
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(value);
  } catch {
    // kustomize fails on a pattern RE2 cannot compile: nothing is selected.
    return false;
  }
}

type Requirement = { key: string; op: 'in' | 'notin' | 'exists' | '!'; values: string[] };

/** labels.Parse, for the forms people write; undefined when the expression does not parse (kustomize fails then). */
export function parseSelector(text: string): Requirement[] | undefined {
  const out: Requirement[] = [];
  // Commas inside `( … )` separate values, not requirements.
  const parts = text.split(/,(?![^(]*\))/).map((p) => p.trim()).filter((p) => p !== '');
  for (const part of parts) {
    let m: RegExpExecArray | null;
    if ((m = /^!\s*([^\s!=(),]+)$/.exec(part))) out.push({ key: m[1]!, op: '!', values: [] });
    else if ((m = /^([^\s!=(),]+)\s*(==|=|!=)\s*([^\s!=(),]*)$/.exec(part))) out.push({ key: m[1]!, op: m[2] === '!=' ? 'notin' : 'in', values: [m[3]!] });
    else if ((m = /^([^\s!=(),]+)\s+(in|notin)\s*\(([^()]*)\)$/.exec(part))) out.push({ key: m[1]!, op: m[2] as 'in' | 'notin', values: m[3]!.split(',').map((v) => v.trim()) });
    else if ((m = /^([^\s!=(),]+)$/.exec(part))) out.push({ key: m[1]!, op: 'exists', values: [] });
    else return undefined;
  }
  return out;
}

function matchesSelector(text: string | undefined, labels: Labels | undefined): boolean {
  if (!text) return true;
  const requirements = parseSelector(text);
  if (!requirements) return false;
  const has = (k: string) => labels !== undefined && Object.prototype.hasOwnProperty.call(labels, k);
  return requirements.every(({ key, op, values }) => {
    const value = has(key) ? String(labels![key]) : undefined;
    if (op === 'exists') return value !== undefined;
    if (op === '!') return value === undefined;
    if (op === 'in') return value !== undefined && values.includes(value);
    return value === undefined || !values.includes(value);
  });
}

function isLabels(v: unknown): v is Labels {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function targetMatches(target: PatchTarget, object: TargetObject): boolean {
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
  const meta = isLabels(object.metadata) ? object.metadata : {};
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return (
    matchesPattern(target.group, group!) &&
    matchesPattern(target.version, version!) &&
    matchesPattern(target.kind, text(object.kind)) &&
    matchesPattern(target.name, text(meta.name)) &&
    matchesPattern(target.namespace, text(meta.namespace)) &&
    matchesSelector(target.labelSelector, isLabels(meta.labels) ? meta.labels : undefined) &&
    matchesSelector(target.annotationSelector, isLabels(meta.annotations) ? meta.annotations : undefined)
  );
}

/** Text every base file holding a selected object must contain: a plain name or kind (to skip parsing the others). */
export function literalHints(target: PatchTarget): string[] {
  return [target.name, target.kind].filter((v): v is string => !!v && !/[\\^$.|?*+()[\]{}]/.test(v));
}
