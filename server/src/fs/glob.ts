/** Exclude globs (`podLens.exclude`, VS Code's `files.exclude`) compiled once with picomatch, with bad patterns reported, never hung on. */
import picomatch from 'picomatch';

export interface ExcludeMatcher {
  /** True when the folder-relative path (with `/`), or a folder above it, matches a pattern. */
  isExcluded(relativePath: string): boolean;
  /** One line per pattern that was ignored, saying why. */
  problems: string[];
}

/** Patterns come from workspace settings, so they may be hostile: picomatch compiles to a backtracking RegExp whose
 * cost grows as (path length)^(number of wildcards); four `*` in one segment already take a second on a 255-character
 * name. Three wildcards cover every pattern VS Code ships and the usual `**\/charts/**\/*.yaml`. */
const MAX_WILDCARDS = 3;
const MAX_PATTERN_LENGTH = 500;

// VS Code's glob semantics: `*` and `**` match dot files too; no extglobs (`+(a)`), which VS Code does not have and
// whose nested quantifiers backtrack badly; case-sensitive; `debug` makes picomatch throw on a pattern it cannot compile
// (an unclosed `{`) instead of silently matching nothing, so we can say so.
const OPTIONS: picomatch.PicomatchOptions = { dot: true, noextglob: true, debug: true };

function compileOne(pattern: string): RegExp | string {
  if (pattern.length === 0) return 'it is empty';
  if (pattern.length > MAX_PATTERN_LENGTH) return `it is longer than ${MAX_PATTERN_LENGTH} characters`;
  const wildcards = pattern.match(/\*+/g)?.length ?? 0;
  if (wildcards > MAX_WILDCARDS) return `it has ${wildcards} wildcards; at most ${MAX_WILDCARDS} are allowed, as matching slows down with each`;
  let depth = 0;
  // Escaped braces and braces inside a class (`[{]`) are characters, not groups.
  for (const ch of pattern.replace(/\\./g, '').replace(/\[[^\]]*\]/g, '')) {
    if (ch === '{') depth++;
    else if (ch === '}' && --depth < 0) return 'it has a "}" without a "{"';
  }
  if (depth > 0) return 'it has a "{" that is never closed';
  try {
    return picomatch.makeRe(pattern, OPTIONS);
  } catch (error) {
    // picomatch's RegExp error quotes the generated expression, which tells a user nothing: keep the reason.
    const message = error instanceof Error ? error.message : String(error);
    return `it is not a valid glob (${message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '')})`;
  }
}

export function compileExcludes(patterns: readonly string[]): ExcludeMatcher {
  const regexps: RegExp[] = [];
  const problems: string[] = [];
  for (const pattern of new Set(patterns)) {
    const compiled = compileOne(pattern);
    if (typeof compiled === 'string') problems.push(`ignoring the exclude pattern ${JSON.stringify(pattern.slice(0, 100))}: ${compiled}`);
    else regexps.push(compiled);
  }
  return {
    problems,
    isExcluded(relativePath: string): boolean {
      if (regexps.length === 0) return false;
      // A pattern naming a folder excludes what is inside it, as in VS Code's explorer.
      const parts = relativePath.split('/');
      for (let n = 1; n <= parts.length; n++) {
        const prefix = parts.slice(0, n).join('/');
        if (regexps.some((re) => re.test(prefix))) return true;
      }
      return false;
    },
  };
}
