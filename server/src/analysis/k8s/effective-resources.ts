/**
 * Effective pod requests and limits exactly as component-helpers resource/helpers.go computes them (PodRequests /
 * PodLimits): max(app containers + sidecars, each init container with the sidecars started before it), pod-level
 * resources replacing cpu/memory/hugepages, overhead added (to limits only where a limit exists), a missing limit = 0.
 */
import { add, compare, formatQuantity, isZero, quantityOf, ZERO, type Quantity } from './quantity';

export interface ContainerResourcesInput {
  name: string;
  kind: 'init' | 'sidecar' | 'app';
  requests: Record<string, unknown>;
  limits: Record<string, unknown>;
}

export interface PodResourcesInput {
  containers: ContainerResourcesInput[];
  /** In spec order; kind 'sidecar' for restartPolicy: Always. */
  initContainers: ContainerResourcesInput[];
  overhead?: Record<string, unknown>;
  podLevel?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
}

export interface DecidedBy {
  phase: 'app' | 'init' | 'sidecar' | 'pod-level';
  container?: string;
  description: string;
}

export interface EffectiveValue {
  value: Quantity;
  canonical: string;
  decidedBy: DecidedBy;
  /** App containers plus all sidecars. */
  appPhase: Quantity;
  overheadAdded: boolean;
  /** Containers with no value for this resource (limits: they contribute 0, the pod is unbounded there). */
  missingIn: string[];
}

export interface PhaseTotals {
  name: string;
  kind: 'init' | 'sidecar' | 'app';
  requests: Record<string, string>;
  limits: Record<string, string>;
}

export interface EffectiveResources {
  requests: Record<string, EffectiveValue>;
  limits: Record<string, EffectiveValue>;
  /** Per phase, in start order: each init container's phase (sidecars: the sidecars so far), then the app phase. */
  phases: PhaseTotals[];
  invalid: Array<{ container: string; field: 'requests' | 'limits' | 'overhead' | 'pod-level'; resource: string; error: string }>;
}

/** Pod-level resources replace the aggregate only for these (IsSupportedPodLevelResource). */
function isPodLevelResource(name: string): boolean {
  return name === 'cpu' || name === 'memory' || name.startsWith('hugepages-');
}

type Values = Map<string, Quantity>;

function read(map: Record<string, unknown> | undefined, who: string, field: EffectiveResources['invalid'][number]['field'], invalid: EffectiveResources['invalid']): Values {
  const out: Values = new Map();
  for (const [name, raw] of Object.entries(map ?? {})) {
    const q = quantityOf(raw);
    if ('error' in q) invalid.push({ container: who, field, resource: name, error: q.error });
    else out.set(name, q);
  }
  return out;
}

function addInto(target: Values, v: Values): void {
  for (const [k, q] of v) target.set(k, add(target.get(k) ?? ZERO, q));
}

function format(v: Values): Record<string, string> {
  return Object.fromEntries([...v].map(([k, q]) => [k, formatQuantity(q)]));
}

/** SetDefaults_Pod: a container's limit without a request defaults the request (the created Pod is defaulted). */
function defaulted(requests: Values, limits: Values): Values {
  const out = new Map(requests);
  for (const [k, q] of limits) if (!out.has(k)) out.set(k, q);
  return out;
}

interface Candidate {
  value: Quantity;
  decidedBy: DecidedBy;
}

function aggregate(
  input: PodResourcesInput,
  which: 'requests' | 'limits',
  invalid: EffectiveResources['invalid'],
  applyPodDefaults: boolean,
): { result: Map<string, Candidate>; app: Values; phases: Array<{ name: string; kind: PhaseTotals['kind']; values: Values }>; missing: Map<string, string[]> } {
  const valuesOf = (c: ContainerResourcesInput) => {
    const requests = read(c.requests, c.name, 'requests', which === 'requests' ? invalid : []);
    const limits = read(c.limits, c.name, 'limits', which === 'limits' ? invalid : []);
    if (which === 'limits') return limits;
    return applyPodDefaults ? defaulted(requests, limits) : requests;
  };
  const app: Values = new Map();
  const all = [...input.containers, ...input.initContainers];
  const perContainer = new Map<ContainerResourcesInput, Values>(all.map((c) => [c, valuesOf(c)]));
  for (const c of input.containers) addInto(app, perContainer.get(c)!);
  const sidecars: Values = new Map();
  const sidecarNames: string[] = [];
  const initMax = new Map<string, Candidate>();
  const phases: Array<{ name: string; kind: PhaseTotals['kind']; values: Values }> = [];
  for (const c of input.initContainers) {
    const own = perContainer.get(c)!;
    let candidate: Values;
    let decidedBy: DecidedBy;
    if (c.kind === 'sidecar') {
      addInto(app, own);
      addInto(sidecars, own);
      sidecarNames.push(c.name);
      candidate = new Map(sidecars);
      decidedBy = { phase: 'sidecar', container: c.name, description: `when sidecar ${c.name} has started (sidecars ${sidecarNames.join(', ')} running)` };
    } else {
      candidate = new Map(own);
      addInto(candidate, sidecars);
      decidedBy = {
        phase: 'init',
        container: c.name,
        description: `while init container ${c.name} runs${sidecarNames.length ? ` (with sidecars ${sidecarNames.join(', ')})` : ''}`,
      };
    }
    phases.push({ name: c.name, kind: c.kind === 'sidecar' ? 'sidecar' : 'init', values: candidate });
    for (const [k, q] of candidate) {
      const prev = initMax.get(k);
      if (!prev || compare(q, prev.value) > 0) initMax.set(k, { value: q, decidedBy });
    }
  }
  phases.push({ name: 'app containers', kind: 'app', values: app });
  const result = new Map<string, Candidate>();
  const appDecided: DecidedBy = { phase: 'app', description: sidecarNames.length ? `app containers and sidecars (${sidecarNames.join(', ')}) together` : 'app containers together' };
  for (const k of new Set([...app.keys(), ...initMax.keys()])) {
    const a = app.get(k);
    const i = initMax.get(k);
    // max(appSum, initMax): the init phase decides only when strictly larger.
    if (i && (!a || compare(i.value, a) > 0)) result.set(k, i);
    else result.set(k, { value: a ?? ZERO, decidedBy: appDecided });
  }
  const missing = new Map<string, string[]>();
  for (const k of result.keys()) missing.set(k, all.filter((c) => !perContainer.get(c)!.has(k)).map((c) => c.name));
  return { result, app, phases, missing };
}

export function effectiveResources(input: PodResourcesInput, options: { applyPodDefaults?: boolean; podLevelResources?: boolean } = {}): EffectiveResources {
  const invalid: EffectiveResources['invalid'] = [];
  const applyPodDefaults = options.applyPodDefaults ?? true;
  const podLevelOn = options.podLevelResources ?? true;
  const overhead = read(input.overhead, 'overhead', 'overhead', invalid);
  const podRequests = read(input.podLevel?.requests, 'pod', 'pod-level', invalid);
  const podLimits = read(input.podLevel?.limits, 'pod', 'pod-level', invalid);
  const build = (which: 'requests' | 'limits', podLevel: Values) => {
    const { result, app, missing } = aggregate(input, which, invalid, applyPodDefaults);
    const out: Record<string, EffectiveValue> = {};
    // Pod-level values replace the container aggregate for supported resources (PodRequests/PodLimits).
    if (podLevelOn) {
      for (const [k, q] of podLevel) {
        if (isPodLevelResource(k)) result.set(k, { value: q, decidedBy: { phase: 'pod-level', description: `pod-level spec.resources.${which}` } });
      }
    }
    for (const [k] of overhead) if (!result.has(k) && which === 'requests') result.set(k, { value: ZERO, decidedBy: { phase: 'app', description: 'pod overhead only' } });
    for (const [k, c] of result) {
      const o = overhead.get(k);
      // Overhead: added to every request; to a limit only when the limit exists and is non-zero.
      const addOverhead = o !== undefined && (which === 'requests' || !isZero(c.value));
      const value = addOverhead ? add(c.value, o) : c.value;
      out[k] = { value, canonical: formatQuantity(value), decidedBy: c.decidedBy, appPhase: app.get(k) ?? ZERO, overheadAdded: addOverhead, missingIn: missing.get(k) ?? [] };
    }
    return out;
  };
  const requests = build('requests', podRequests);
  const limits = build('limits', podLimits);
  const reqPhases = aggregate(input, 'requests', [], applyPodDefaults).phases;
  const limPhases = aggregate(input, 'limits', [], applyPodDefaults).phases;
  const phases = reqPhases.map((p, i) => ({ name: p.name, kind: p.kind, requests: format(p.values), limits: format(limPhases[i]!.values) }));
  return { requests, limits, phases, invalid };
}

/** A container's own values and its share of the effective value, per resource. */
export function containerShare(input: PodResourcesInput, containerName: string, effective: EffectiveResources = effectiveResources(input)) {
  const c = [...input.containers, ...input.initContainers].find((x) => x.name === containerName);
  if (!c) return undefined;
  const share = (which: 'requests' | 'limits') =>
    Object.entries(c[which]).flatMap(([k, raw]) => {
      const q = quantityOf(raw);
      if ('error' in q) return [];
      const total = effective[which][k]?.value;
      const percent = total && !isZero(total) ? Math.round((Number(q.num * 10000n * total.den / (total.num * q.den)) / 100)) : undefined;
      return [{ resource: k, value: formatQuantity(q), effective: total ? formatQuantity(total) : undefined, percent }];
    });
  return { name: c.name, kind: c.kind, requests: share('requests'), limits: share('limits') };
}

