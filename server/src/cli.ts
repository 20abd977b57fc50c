/** The pod-lens command: check | inspect | pin | resolve | lsp — the same engine as the editor, for CI. */
import { checkKnownFlags, choice, exclusive, parseArgs, platformFlag, UsageError } from './cli/args';
import { COMMAND_HELP, isCommand, overview } from './cli/help';
import { checkInputs, failsOn, formatCheck } from './cli/check';
import { convertInputs } from './cli/convert';
import { formatInspect, inspectInputs } from './cli/inspect';
import { DEFAULT_LIMITS, readInputs, type Input } from './cli/inputs';
import { followKustomizations } from './cli/kustomize-inputs';
import { VERSION } from './real-runtime';
import { runServer } from './main';
import { digestFor, pinInputs, pinSummary } from './cli/pin';
import { podTemplatesFlag } from './cli/pod-templates';
import { createCredentialSource, realCredentialEnvironment } from './registry/credentials';
import { createDigestResolver } from './registry/resolver';
import { targetFromArgs } from './cli/target-args';
import { namespaceFromArgs } from './cli/namespace-arg';

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

/** The hint under a usage error: where the right usage is written. */
function hintFor(command: string | undefined): string {
  return isCommand(command) ? `run 'pod-lens ${command} --help' for its options` : `run 'pod-lens --help' for the commands`;
}

/** Runs one command; resolves with its exit code, or -1 when it keeps running (the language server). */
export async function main(argv: string[], io: Io): Promise<number> {
  const out = io.stdout;
  const err = io.stderr;
  const command = argv[0];
  try {
    const args = parseArgs(argv);
    // `pod-lens <command> --help` (or -h) is that command's page, whatever else the line holds.
    if (isCommand(args.command) && args.flags.has('help')) {
      out(`${COMMAND_HELP[args.command]}\n`);
      return 0;
    }
    switch (args.command) {
      case 'check': {
        checkKnownFlags(args, ['format', 'fail-on', 'kubernetes-version', 'feature-gates', 'pod-templates', 'namespace']);
        const format = choice(args, 'format', ['text', 'json', 'sarif'] as const, 'text');
        const failOn = choice(args, 'fail-on', ['error', 'warning', 'never'] as const, 'error');
        const target = targetFromArgs(args);
        const namespace = namespaceFromArgs(args);
        const podTemplates = await podTemplatesFlag(args, io.cwd, err);
        const report = checkInputs((await readReported(args.positionals, io, true)).inputs, { target }, err, { podTemplates }, namespace);
        out(formatCheck(report, format, VERSION));
        return failsOn(report, failOn) ? 1 : 0;
      }
      case 'inspect': {
        checkKnownFlags(args, ['format', 'kubernetes-version', 'feature-gates', 'pod-templates', 'namespace']);
        const format = choice(args, 'format', ['json', 'text'] as const, 'json');
        const target = targetFromArgs(args);
        const namespace = namespaceFromArgs(args);
        const podTemplates = await podTemplatesFlag(args, io.cwd, err);
        out(formatInspect(inspectInputs((await readReported(args.positionals, io, true)).inputs, target, { podTemplates }, namespace), format));
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
        checkKnownFlags(args, ['dry-run', 'keep-tag', 'no-keep-tag', 'platform', 'pod-templates']);
        exclusive(args, 'keep-tag', 'no-keep-tag');
        const platform = platformFlag(args);
        const podTemplates = await podTemplatesFlag(args, io.cwd, err);
        const read = await readReported(args.positionals, io);
        const dryRun = args.flags.has('dry-run');
        const outcome = await pinInputs(read.inputs, resolverFor(io.env), { keepTag: !args.flags.has('no-keep-tag'), platform, dryRun, cwd: io.cwd, podTemplates });
        out(outcome.output);
        for (const f of outcome.failures) err(`pod-lens: ${f.message}\n`);
        for (const w of outcome.written) err(`pinned ${w.images} image${w.images === 1 ? '' : 's'} in ${w.path}\n`);
        err(`${pinSummary(outcome, dryRun)}\n`);
        return outcome.failures.length || read.unreadable ? 1 : 0;
      }
      case 'resolve': {
        checkKnownFlags(args, ['platform']);
        const [image, ...rest] = args.positionals;
        if (!image || rest.length) throw new UsageError('resolve takes exactly one image');
        const platform = platformFlag(args);
        try {
          out(`${await digestFor(resolverFor(io.env), image, platform)}\n`);
          return 0;
        } catch (error) {
          if (error instanceof UsageError) throw error;
          err(`pod-lens: ${image}: ${error instanceof Error ? error.message : String(error)}\n`);
          return 1;
        }
      }
      case 'lsp':
        checkKnownFlags(args, ['stdio']);
        // vscode-languageserver picks its transport from the process arguments; without one it throws a library error.
        if (!args.flags.has('stdio')) throw new UsageError("lsp speaks the Language Server Protocol over standard input and output: start it as 'pod-lens lsp --stdio' from your editor");
        runServer();
        return -1;
      case '--version':
        out(`${VERSION}\n`);
        return 0;
      case undefined:
      case '--help':
      case '-h':
        out(`${overview(VERSION)}\n`);
        return args.command === undefined ? 2 : 0;
      case 'help': {
        const [topic] = args.positionals;
        if (topic !== undefined && !isCommand(topic)) throw new UsageError(`no help for ${topic}: not a command`);
        out(`${topic ? COMMAND_HELP[topic] : overview(VERSION)}\n`);
        return 0;
      }
      default:
        throw new UsageError(`unknown command ${args.command}`);
    }
  } catch (error) {
    // One line that says what is wrong, one that says where to look: the usage page itself is one --help away.
    if (error instanceof UsageError) {
      err(`pod-lens: ${error.message}\n${hintFor(command)}\n`);
      return 2;
    }
    err(`pod-lens: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}
