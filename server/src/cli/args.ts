/** Command-line parsing: positional paths and `--flag value` / `--flag=value` options, with usage errors. */
import { parseArgs as parseNodeArgs, type ParseArgsConfig } from 'node:util';

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

/**
 * Every option any command takes, for Node's parser: the valued ones, and `-h` for `--help`. Any other flag is read as
 * a boolean here and refused by its command's `checkKnownFlags`, so an unknown option is named in our words.
 */
const OPTIONS = {
  format: { type: 'string' },
  'fail-on': { type: 'string' },
  platform: { type: 'string' },
  to: { type: 'string' },
  'kubernetes-version': { type: 'string' },
  'feature-gates': { type: 'string' },
  'pod-templates': { type: 'string' },
  namespace: { type: 'string', short: 'n' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** `argv[0]` is the command; the rest is read by `util.parseArgs` (`--flag value`, `--flag=value`, `-`, `--`). */
export function parseArgs(argv: string[]): ParsedArgs {
  const [command, ...rest] = argv;
  // Not strict: Node's own errors would name options in its words; the commands check their flags themselves.
  const { positionals, tokens } = parseNodeArgs({ args: rest, options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const flags = new Map<string, string | true>();
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const valued = Object.hasOwn(OPTIONS, token.name) && OPTIONS[token.name as keyof typeof OPTIONS].type === 'string';
    if (valued && token.value === undefined) throw new UsageError(`--${token.name} needs a value`);
    flags.set(token.name, token.value ?? true);
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
