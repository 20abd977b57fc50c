/** The pod-lens command: check | inspect | pin | resolve | lsp — the same engine as the editor, for CI. */
import { readFileSync } from 'node:fs';
import { checkKnownFlags, choice, parseArgs, UsageError } from './cli/args';
import { checkInputs, failsOn, formatCheck } from './cli/check';
import { convertInputs } from './cli/convert';
import { formatInspect, inspectInputs } from './cli/inspect';
import { readInputs } from './cli/inputs';
import { VERSION } from './real-runtime';
import { runServer } from './main';
import { digestFor, pinInputs } from './cli/pin';
import type { DigestResolver } from './analysis/ports';

const USAGE = `pod-lens ${VERSION}

Usage:
  pod-lens check [paths…] [--format text|json|sarif] [--fail-on error|warning|never]
  pod-lens inspect [paths…] [--format json|text]
  pod-lens convert [paths…] [--to json|yaml]
  pod-lens pin [paths…] [--dry-run] [--keep-tag | --no-keep-tag] [--platform os/arch]
  pod-lens resolve <image> [--platform os/arch]
  pod-lens lsp --stdio
Paths are files, folders (searched for *.yaml and *.yml) or - for standard input.
Exit codes: 0 ok, 1 findings at or above --fail-on (pin/resolve: an image could not be resolved; convert: a document
kubectl cannot read), 2 usage error.
Registry settings come from POD_LENS_INSECURE_REGISTRIES (comma list), POD_LENS_CA_FILE and the usual proxy variables.`;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  stdin: () => string;
  /** The registry client (built lazily: check and inspect never touch the network). */
  resolver: () => DigestResolver;
}

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case 'check': {
        checkKnownFlags(args, ['format', 'fail-on']);
        const format = choice(args, 'format', ['text', 'json', 'sarif'] as const, 'text');
        const failOn = choice(args, 'fail-on', ['error', 'warning', 'never'] as const, 'error');
        const report = checkInputs(readInputs(args.positionals, io.stdin), {}, io.err);
        io.out(formatCheck(report, format, VERSION));
        return failsOn(report, failOn) ? 1 : 0;
      }
      case 'inspect': {
        checkKnownFlags(args, ['format']);
        const format = choice(args, 'format', ['json', 'text'] as const, 'json');
        io.out(formatInspect(inspectInputs(readInputs(args.positionals, io.stdin)), format));
        return 0;
      }
      case 'convert': {
        checkKnownFlags(args, ['to']);
        const to = choice(args, 'to', ['json', 'yaml'] as const, 'json');
        const outcome = convertInputs(readInputs(args.positionals, io.stdin), to);
        io.out(outcome.output);
        return outcome.hasErrors ? 1 : 0;
      }
      case 'pin': {
        checkKnownFlags(args, ['dry-run', 'keep-tag', 'no-keep-tag', 'platform']);
        const platform = args.flags.get('platform');
        const outcome = await pinInputs(readInputs(args.positionals, io.stdin), io.resolver(), {
          keepTag: !args.flags.has('no-keep-tag'),
          platform: typeof platform === 'string' ? platform : undefined,
          dryRun: args.flags.has('dry-run'),
        });
        io.out(outcome.output);
        for (const e of outcome.errors) io.err(`pod-lens: ${e}\n`);
        if (!args.flags.has('dry-run')) io.err(`pinned images in ${outcome.changedFiles} file(s)\n`);
        return outcome.errors.length ? 1 : 0;
      }
      case 'resolve': {
        checkKnownFlags(args, ['platform']);
        const [image, ...rest] = args.positionals;
        if (!image || rest.length) throw new UsageError('resolve takes exactly one image');
        const platform = args.flags.get('platform');
        try {
          io.out(`${await digestFor(io.resolver(), image, typeof platform === 'string' ? platform : undefined)}\n`);
          return 0;
        } catch (error) {
          if (error instanceof UsageError) throw error;
          io.err(`pod-lens: ${image}: ${error instanceof Error ? error.message : String(error)}\n`);
          return 1;
        }
      }
      case 'lsp':
        runServer();
        return -1;
      case '--version':
        io.out(`${VERSION}\n`);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(`${USAGE}\n`);
        return args.command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command ${args.command}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`pod-lens: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    io.err(`pod-lens: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}
