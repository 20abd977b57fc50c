/** The pod-lens command: check | inspect | pin | resolve | lsp — the same engine as the editor, for CI. */
import { checkKnownFlags, choice, parseArgs, UsageError } from './cli/args';
import { checkInputs, failsOn, formatCheck } from './cli/check';
import { convertInputs } from './cli/convert';
import { formatInspect, inspectInputs } from './cli/inspect';
import { DEFAULT_LIMITS, readInputs, type Input } from './cli/inputs';
import { followKustomizations } from './cli/kustomize-inputs';
import { VERSION } from './real-runtime';
import { runServer } from './main';
import { digestFor, pinInputs } from './cli/pin';
import { createCredentialSource, realCredentialEnvironment } from './registry/credentials';
import { createDigestResolver } from './registry/resolver';

const USAGE = `pod-lens ${VERSION}

Usage:
  pod-lens check [paths…] [--format text|json|sarif] [--fail-on error|warning|never]
  pod-lens inspect [paths…] [--format json|text]
  pod-lens convert [paths…] [--to json|yaml]
  pod-lens pin [paths…] [--dry-run] [--keep-tag | --no-keep-tag] [--platform os/arch]
  pod-lens resolve <image> [--platform os/arch]
  pod-lens lsp --stdio
Paths are files, folders (searched for *.yaml and *.yml) or - for standard input.
Exit codes: 0 ok, 1 findings at or above --fail-on (pin/resolve: an image could not be resolved or a file not
written or read; convert: a document kubectl cannot read), 2 usage error or no file could be read. Files that cannot
be read (FIFOs, devices, broken links, unreadable files) are reported on stderr and skipped; for check and inspect the
findings decide the exit code.
Registry settings come from POD_LENS_INSECURE_REGISTRIES (comma list), POD_LENS_CA_FILE and the usual proxy variables.`;

/** Everything a run reads from or writes to its process: the bin shim passes the real ones, tests their own. */
export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdin: () => string;
  /** The working folder that relative paths are read from. */
  cwd: string;
  /** Registry settings (POD_LENS_*), proxies and where credentials live. */
  env: NodeJS.ProcessEnv;
}

/** The registry client, built only by the commands that need it: check and inspect never touch the network. */
function resolverFor(env: NodeJS.ProcessEnv) {
  return createDigestResolver({
    insecure: (env.POD_LENS_INSECURE_REGISTRIES ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    caFile: env.POD_LENS_CA_FILE || undefined,
    userAgent: `pod-lens/${VERSION}`,
    env,
    credentials: createCredentialSource(realCredentialEnvironment(env)),
  });
}

/** Reads the inputs, says which could not be read, and stops (exit 2) only when none could. */
async function readReported(positionals: string[], io: Io, kustomize = false): Promise<{ inputs: Input[]; unreadable: number }> {
  const set = await readInputs(positionals, io.stdin, io.cwd);
  // check and inspect look at what a kustomization builds; convert and pin act on the files named only.
  if (kustomize) await followKustomizations(set, io.cwd, DEFAULT_LIMITS);
  const { inputs, unreadable } = set;
  for (const u of unreadable) io.stderr(`pod-lens: ${u.path}: skipped: ${u.reason}\n`);
  if (inputs.length === 0 && unreadable.length > 0) throw new Error('no file could be read');
  return { inputs, unreadable: unreadable.length };
}

/** Runs one command; resolves with its exit code, or -1 when it keeps running (the language server). */
export async function main(argv: string[], io: Io): Promise<number> {
  const out = io.stdout;
  const err = io.stderr;
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case 'check': {
        checkKnownFlags(args, ['format', 'fail-on']);
        const format = choice(args, 'format', ['text', 'json', 'sarif'] as const, 'text');
        const failOn = choice(args, 'fail-on', ['error', 'warning', 'never'] as const, 'error');
        const report = checkInputs((await readReported(args.positionals, io, true)).inputs, {}, err);
        out(formatCheck(report, format, VERSION));
        return failsOn(report, failOn) ? 1 : 0;
      }
      case 'inspect': {
        checkKnownFlags(args, ['format']);
        const format = choice(args, 'format', ['json', 'text'] as const, 'json');
        out(formatInspect(inspectInputs((await readReported(args.positionals, io, true)).inputs), format));
        return 0;
      }
      case 'convert': {
        checkKnownFlags(args, ['to']);
        const to = choice(args, 'to', ['json', 'yaml'] as const, 'json');
        const outcome = convertInputs((await readReported(args.positionals, io)).inputs, to);
        out(outcome.output);
        return outcome.hasErrors ? 1 : 0;
      }
      case 'pin': {
        checkKnownFlags(args, ['dry-run', 'keep-tag', 'no-keep-tag', 'platform']);
        const platform = args.flags.get('platform');
        const read = await readReported(args.positionals, io);
        const outcome = await pinInputs(read.inputs, resolverFor(io.env), {
          keepTag: !args.flags.has('no-keep-tag'),
          platform: typeof platform === 'string' ? platform : undefined,
          dryRun: args.flags.has('dry-run'),
        });
        out(outcome.output);
        for (const e of outcome.errors) err(`pod-lens: ${e}\n`);
        for (const path of outcome.written) err(`pinned ${path}\n`);
        if (!args.flags.has('dry-run')) err(`pinned images in ${outcome.changedFiles} file(s)\n`);
        return outcome.errors.length || read.unreadable ? 1 : 0;
      }
      case 'resolve': {
        checkKnownFlags(args, ['platform']);
        const [image, ...rest] = args.positionals;
        if (!image || rest.length) throw new UsageError('resolve takes exactly one image');
        const platform = args.flags.get('platform');
        try {
          out(`${await digestFor(resolverFor(io.env), image, typeof platform === 'string' ? platform : undefined)}\n`);
          return 0;
        } catch (error) {
          if (error instanceof UsageError) throw error;
          err(`pod-lens: ${image}: ${error instanceof Error ? error.message : String(error)}\n`);
          return 1;
        }
      }
      case 'lsp':
        runServer();
        return -1;
      case '--version':
        out(`${VERSION}\n`);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        out(`${USAGE}\n`);
        return args.command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command ${args.command}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      err(`pod-lens: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    err(`pod-lens: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}
