/** The pod-lens command: check | inspect | pin | resolve | lsp — the same engine as the editor, for CI. */
import { readFileSync } from 'node:fs';
import { checkKnownFlags, choice, parseArgs, UsageError } from './cli/args';
import { checkInputs, failsOn, formatCheck } from './cli/check';
import { formatInspect, inspectInputs } from './cli/inspect';
import { readInputs } from './cli/inputs';
import { VERSION } from './real-runtime';
import { runServer } from './main';

const USAGE = `pod-lens ${VERSION}

Usage:
  pod-lens check [paths…] [--format text|json|sarif] [--fail-on error|warning|never]
  pod-lens inspect [paths…] [--format json|text]
  pod-lens lsp --stdio
Paths are files, folders (searched for *.yaml and *.yml) or - for standard input.
Exit codes: 0 ok, 1 findings at or above --fail-on, 2 usage error.`;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  stdin: () => string;
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
