/** `pod-lens pin` and `pod-lens resolve`: rewrite image tags to digests in files, or print one digest. */
import { imageFields } from '../analysis/fixes/image-fields';
import { digestRequestFor, pinEdits, planPins } from '../analysis/fixes/pin-plan';
import { mapLimited } from '../async/map-limited';
import { parseManifests, type ParseOptions } from '../analysis/model/manifest';
import type { DigestResolver } from '../analysis/ports';
import { relative, sep } from 'node:path';
import { replaceFileText } from '../fs/replace-file';
import { UsageError } from './args';
import { unifiedDiff } from './diff';
import type { Input } from './inputs';

export interface PinOptions {
  keepTag: boolean;
  platform?: string;
  dryRun: boolean;
  /** `--pod-templates`: custom resources' pod templates whose images are pinned too. */
  podTemplates?: ParseOptions['podTemplates'];
  /** The working folder: diff headers name files relative to it, as `git diff` and `patch -p1` expect. */
  cwd: string;
}

/** One thing that was not pinned: an image whose lookup failed, or a file that could not be written. */
export interface PinFailure {
  /** The image reference, or the file's path when the file could not be written. */
  what: string;
  message: string;
}

export interface PinOutcome {
  output: string;
  failures: PinFailure[];
  /** Image fields rewritten (or, with --dry-run, that would be) and the files they are in. */
  images: number;
  changedFiles: number;
  /** Files written, in order, for the per-file report. */
  written: Array<{ path: string; images: number }>;
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The last line of a run: what was done (or would be), and what failed, so a CI log shows the result at a glance. */
export function pinSummary(outcome: PinOutcome, dryRun: boolean): string {
  const done = `${dryRun ? 'would pin' : 'pinned'} ${count(outcome.images, 'image')} in ${count(outcome.changedFiles, 'file')}`;
  if (outcome.failures.length === 0) return done;
  return `${done}, ${outcome.failures.length} failed: ${[...new Set(outcome.failures.map((f) => f.what))].join(', ')}`;
}

export async function digestFor(resolver: DigestResolver, image: string, platform?: string): Promise<string> {
  const request = digestRequestFor(image, platform);
  if ('error' in request) throw new UsageError(request.error);
  return (await resolver.resolve(request)).digest;
}

/** The new text of one file and how many image fields changed: every unpinned image rewritten, nothing else touched. */
async function pinText(text: string, resolver: DigestResolver, options: Pick<PinOptions, 'keepTag' | 'platform' | 'podTemplates'>, failures: PinFailure[], path: string): Promise<{ text: string; images: number }> {
  const plan = planPins(imageFields(parseManifests(text, undefined, { podTemplates: options.podTemplates })));
  const digests = await mapLimited(plan.images, 4, async (image) => {
    try {
      return await digestFor(resolver, image, options.platform);
    } catch (error) {
      failures.push({ what: image, message: `${path}: ${image}: ${error instanceof Error ? error.message : String(error)}` });
      return undefined;
    }
  });
  const found = new Map(plan.images.flatMap((image, i) => (digests[i] ? [[image, digests[i]!] as const] : [])));
  const edits = pinEdits(plan, found, options.keepTag).map((e) => ({ span: e.field.span, text: e.newText }));
  edits.sort((a, b) => b.span.start - a.span.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.span.start) + e.text + out.slice(e.span.end);
  return { text: out, images: edits.length };
}

/** A diff header's path: relative to the working folder with forward slashes; standard input stays `-`. */
function diffPath(input: Input, cwd: string): string {
  return input.file === '-' ? '-' : relative(cwd, input.file).split(sep).join('/');
}

export async function pinInputs(inputs: Input[], resolver: DigestResolver, options: PinOptions): Promise<PinOutcome> {
  const outcome: PinOutcome = { output: '', failures: [], images: 0, changedFiles: 0, written: [] };
  const diffs: string[] = [];
  for (const input of inputs) {
    const next = await pinText(input.text, resolver, options, outcome.failures, input.path);
    if (next.text === input.text) continue;
    if (options.dryRun || input.path === '-') {
      outcome.changedFiles++;
      outcome.images += next.images;
      diffs.push(options.dryRun ? unifiedDiff(diffPath(input, options.cwd), input.text, next.text) : next.text);
      continue;
    }
    // One file's failure (changed meanwhile, a full disk) is reported and the others are still written.
    try {
      await replaceFileText(input.file, input.text, next.text);
      outcome.changedFiles++;
      outcome.images += next.images;
      outcome.written.push({ path: input.path, images: next.images });
    } catch (error) {
      outcome.failures.push({ what: input.path, message: `${input.path}: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  outcome.output = diffs.join('');
  return outcome;
}
