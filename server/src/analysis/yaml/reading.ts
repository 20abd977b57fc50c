/** How Kubernetes reads a plain scalar when that differs from what it looks like (`yes` is true, `0644` is 420): for rules and hovers. */
import { isScalar, Scalar } from 'yaml';

export interface SurprisingReading {
  /** The scalar as written. */
  text: string;
  /** The JSON type kubectl sends: encoding/json's names in its errors. */
  jsonType: 'bool' | 'number' | 'null';
  /** The value kubectl sends. */
  value: boolean | number | null;
  /** Why, in a few words. */
  because: string;
}

const WORD_BOOL = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

/**
 * The reading of a plain scalar as a non-string (nodes of readable documents carry Kubernetes' values; `source` is
 * the scalar as written). Quoted scalars are always strings.
 */
export function readingOf(node: unknown, source: string): SurprisingReading | undefined {
  if (!isScalar(node) || node.type !== Scalar.PLAIN) return undefined;
  const value = node.value;
  if (typeof value === 'boolean') {
    const because = WORD_BOOL.test(source) ? `YAML 1.1 reads \`${source}\` as a boolean` : `\`${source}\` is a boolean`;
    return { text: source, jsonType: 'bool', value, because };
  }
  if (typeof value === 'number') {
    const because = /^[-+]?0[0-7]+$/.test(source)
      ? `a leading 0 makes \`${source}\` an octal number (YAML 1.1), ${value} in decimal`
      : /_/.test(source)
        ? `YAML 1.1 ignores the underscores in \`${source}\``
        : /^[-+]?0[xXbBoO]/.test(source)
          ? `\`${source}\` is a number written in another base`
          : `\`${source}\` is a number`;
    return { text: source, jsonType: 'number', value, because };
  }
  if (value === null && source.trim() !== '') return { text: source, jsonType: 'null', value: null, because: `\`${source}\` is null` };
  return undefined;
}

/** A number written so that Kubernetes' value differs from a plain decimal reading (octal, `_`, another base, a YAML 1.1 form). */
export function isSurprisingNumber(reading: SurprisingReading): boolean {
  return reading.jsonType === 'number' && String(reading.value) !== reading.text.replace(/^\+/, '');
}
