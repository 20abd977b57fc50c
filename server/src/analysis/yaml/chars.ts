/** Character classes of go-yaml v2's scanner (yamlprivateh.go), over a UTF-16 string; past the end is "z" (end of input). */

export const isBlank = (c: number): boolean => c === 0x20 || c === 0x09;
/** `\r`, `\n`, NEL, LS, PS: go-yaml v2 breaks lines at all five (yamlprivateh.go is_break). */
export const isBreak = (c: number): boolean => c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
/** -1 stands for the end of input. */
export const isBreakZ = (c: number): boolean => isBreak(c) || c === -1;
export const isBlankZ = (c: number): boolean => isBlank(c) || isBreakZ(c);
/** Anchor names, directive names and tag handles: `[0-9A-Za-z_-]` (yamlprivateh.go is_alpha). */
export const isAlpha = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d;
export const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
export const isHex = (c: number): boolean => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
export const hexValue = (c: number): number => (c <= 0x39 ? c - 0x30 : c <= 0x46 ? c - 0x41 + 10 : c - 0x61 + 10);

/**
 * Characters go-yaml's reader refuses with "control characters are not allowed" (readerc.go): everything but tab,
 * line feed, carriage return, printable ASCII, NEL and the printable Unicode ranges.
 */
export function isForbidden(c: number): boolean {
  return !(
    c === 0x09 ||
    c === 0x0a ||
    c === 0x0d ||
    (c >= 0x20 && c <= 0x7e) ||
    c === 0x85 ||
    (c >= 0xa0 && c <= 0xd7ff) ||
    // Surrogates stand for characters above U+FFFF (allowed); a lone one reaches Go as U+FFFD (allowed too).
    (c >= 0xd800 && c <= 0xfffd)
  );
}
