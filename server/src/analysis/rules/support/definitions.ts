/**
 * Reading every definition of a name in the workspace, not just the first: answers must not depend on which file
 * was opened or listed first.
 */
import type { IndexedObject } from '../../workspace-view';
import { excerpt } from './quote';

const LISTED = 10;

/** Key names (a ConfigMap's or Secret's) across all definitions, in order, once each; undefined when none lists keys. */
export function keysOfAll(found: IndexedObject[]): string[] | undefined {
  const lists = found.map((o) => o.facts.keys).filter((k): k is unknown[] => Array.isArray(k));
  if (lists.length === 0) return undefined;
  return [...new Set(lists.flat().filter((k): k is string => typeof k === 'string'))];
}

/** The key names of a finding's message: the first few, shortened, and how many more. */
export function listKeys(keys: string[]): string {
  if (keys.length === 0) return 'none';
  const shown = keys.slice(0, LISTED).map((k) => excerpt(k)).join(', ');
  return keys.length > LISTED ? `${shown} and ${keys.length - LISTED} more` : shown;
}

/** Where the definitions are: `a.yaml, b.yaml` (the first three files). */
export function whereDefined(found: IndexedObject[]): string {
  const files = [...new Set(found.map((o) => o.uri.replace(/^file:\/\//, '')))];
  const shown = files.slice(0, 3).map((f) => excerpt(f)).join(', ');
  return files.length > 3 ? `${shown} and ${files.length - 3} more` : shown;
}
