/**
 * Which minors a catalogued field or enum value exists in, for the target in force. The catalog records the first
 * (`s`) and last (`u`) catalogued minor of each field; minors it could not observe (`kubernetes.unobserved`, today
 * 1.31 and 1.35) are decided conservatively: a target in a gap next to a change is given the benefit of the doubt
 * (the field counts as present), so a finding is only ever made where an observed release lacks the field.
 */
import { CATALOG_MINORS } from './catalog';
import { minorNumber } from '../k8s/target';

const OBSERVED = CATALOG_MINORS.minors.map(minorNumber).sort((a, b) => a - b);

/** Why a field (or value) with these bounds is absent from `minor`, or undefined when it is (or may be) present. */
export type Absence = { availableFrom: string } | { removedAfter: string };

export function absenceAt(minor: string, since: string | undefined, until: string | undefined): Absence | undefined {
  const n = minorNumber(minor);
  if (Number.isNaN(n)) return undefined;
  if (since !== undefined && n < minorNumber(since)) {
    // The newest observed minor without the field: only targets at or before it certainly lack the field.
    const lastWithout = Math.max(...OBSERVED.filter((m) => m < minorNumber(since)));
    return n <= lastWithout ? { availableFrom: since } : undefined;
  }
  if (until !== undefined && n > minorNumber(until)) {
    const firstWithout = Math.min(...OBSERVED.filter((m) => m > minorNumber(until)));
    return n >= firstWithout ? { removedAfter: until } : undefined;
  }
  return undefined;
}

/** The predicate that says why: `is available from Kubernetes 1.34 (…)` / `was removed after Kubernetes 1.30 (…)`. */
export function describeAbsence(a: Absence, minor: string): string {
  return 'availableFrom' in a
    ? `is available from Kubernetes ${a.availableFrom} (the target is Kubernetes ${minor})`
    : `was removed after Kubernetes ${a.removedAfter} (the target is Kubernetes ${minor})`;
}
