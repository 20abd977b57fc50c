/** Command-line parsing: positional paths and `--flag value` / `--flag=value` options, with usage errors. */

export class UsageError extends Error {
  /** `brief`: a bad value of a flag, said in one line without the whole usage text. */
  constructor(
    message: string,
    readonly brief = false,
  ) {
    super(message);
  }
}

export interface ParsedArgs {
  command: string | undefined;
  positionals: string[];
  flags: Map<string, string | true>;
}

/** Flags that take a value; the rest are booleans. */
const VALUED = new Set(['format', 'fail-on', 'platform', 'to', 'kubernetes-version', 'feature-gates', 'pod-templates']);

export function parseArgs(argv: string[]): ParsedArgs {
  const [command, ...rest] = argv;
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      positionals.push(...rest.slice(i + 1));
      break;
    }
    const eq = arg.indexOf('=');
    const name = arg.replace(/^--?/, '').slice(0, eq < 0 ? undefined : eq - (arg.startsWith('--') ? 2 : 1));
    if (eq >= 0) flags.set(name, arg.slice(eq + 1));
    else if (VALUED.has(name)) {
      const value = rest[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
    } else flags.set(name, true);
  }
  return { command, positionals, flags };
}

export function choice<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[], fallback: T): T {
  const v = args.flags.get(name);
  if (v === undefined) return fallback;
  if (v === true || !allowed.includes(v as T)) throw new UsageError(`--${name} must be one of: ${allowed.join(', ')}`);
  return v as T;
}

export function checkKnownFlags(args: ParsedArgs, known: string[]): void {
  for (const name of args.flags.keys()) {
    if (!known.includes(name)) throw new UsageError(`unknown option --${name}`);
  }
}

/** Two flags that contradict each other: the run would depend on which one wins, so neither does. */
export function exclusive(args: ParsedArgs, a: string, b: string): void {
  if (args.flags.has(a) && args.flags.has(b)) throw new UsageError(`--${a} and --${b} contradict each other; give one of them`);
}

/**
 * `--platform` as the registries' image indexes name platforms: os/architecture with an optional variant (the OCI
 * image index's platform object). `linux` alone would match no index entry, so it is refused before any request.
 */
export function platformFlag(args: ParsedArgs): string | undefined {
  const value = args.flags.get('platform');
  if (value === undefined) return undefined;
  if (value === true || !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)?$/.test(value)) {
    throw new UsageError(`--platform needs os/architecture[/variant], such as linux/amd64 or linux/arm64/v8 (got ${value === true ? 'nothing' : JSON.stringify(value)})`);
  }
  return value;
}
