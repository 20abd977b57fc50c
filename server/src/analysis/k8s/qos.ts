/**
 * The Pod's QoS class as pkg/apis/core/v1/helper/qos/qos.go decides it: only cpu and memory count; init containers
 * and sidecars count like app containers, ephemeral containers do not; pod-level resources decide alone when set.
 * Requests are taken after SetDefaults_Pod (a limit without a request defaults the request).
 */
import { compare, isZero, quantityOf, type Quantity } from './quantity';
import type { PodResourcesInput } from './effective-resources';

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const COMPUTE = ['cpu', 'memory'] as const;

function positive(map: Record<string, unknown> | undefined, name: string): Quantity | undefined {
  const raw = map?.[name];
  if (raw === undefined) return undefined;
  const q = quantityOf(raw);
  return 'error' in q || isZero(q) || q.num < 0n ? undefined : q;
}

interface Shape {
  name: string;
  requests: Record<string, unknown>;
  limits: Record<string, unknown>;
}

/** Per container (requirementsQOS): does it set anything, and is it Guaranteed-shaped? */
function classify(c: Shape): { setsAny: boolean; guaranteed: boolean; why?: string } {
  let setsAny = false;
  let guaranteed = true;
  let why: string | undefined;
  for (const name of COMPUTE) {
    const limit = positive(c.limits, name);
    // SetDefaults_Pod: the request defaults to the limit when only the limit is written.
    const request = positive(c.requests, name) ?? (c.requests?.[name] === undefined ? limit : undefined);
    if (request || limit) setsAny = true;
    if (!limit) {
      guaranteed = false;
      why ??= `${c.name} has no ${name} limit`;
    } else if (!request || compare(request, limit) !== 0) {
      guaranteed = false;
      why ??= `${c.name}'s ${name} request differs from its limit`;
    }
  }
  return { setsAny, guaranteed, why };
}

export function qosClass(input: PodResourcesInput, options: { podLevelResources?: boolean } = {}): { qos: QosClass; reason: string } {
  const podLevel = input.podLevel;
  if ((options.podLevelResources ?? true) && podLevel) {
    const c = classify({ name: 'the pod-level spec.resources', requests: podLevel.requests ?? {}, limits: podLevel.limits ?? {} });
    if (!c.setsAny) return { qos: 'BestEffort', reason: 'pod-level spec.resources is set and has no cpu or memory request or limit' };
    if (c.guaranteed) return { qos: 'Guaranteed', reason: 'pod-level spec.resources sets cpu and memory limits equal to the requests (container values do not count)' };
    return { qos: 'Burstable', reason: `pod-level spec.resources decides: ${c.why}` };
  }
  const all: Shape[] = [...input.containers, ...input.initContainers];
  const shapes = all.map((c) => ({ c, ...classify(c) }));
  if (!shapes.some((s) => s.setsAny)) return { qos: 'BestEffort', reason: 'no container (init, sidecar or app) sets a cpu or memory request or limit' };
  const notGuaranteed = shapes.find((s) => !s.guaranteed);
  if (!notGuaranteed) return { qos: 'Guaranteed', reason: 'every container, init containers and sidecars included, has cpu and memory limits equal to its requests' };
  return { qos: 'Burstable', reason: `some container sets cpu or memory, but not all are Guaranteed-shaped: ${notGuaranteed.why}` };
}
