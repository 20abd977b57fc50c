/** `pod-lens pin` and `pod-lens resolve`: rewrite image tags to digests in files, or print one digest. */
import { imageFields } from '../analysis/fixes/image-fields';
import { digestRequestFor, mapLimited, pinEdits, planPins } from '../analysis/fixes/pin-plan';
import { parseManifests, type ParseOptions } from '../analysis/model/manifest';
import type { DigestResolver } from '../analysis/ports';
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
}

export interface PinOutcome {
  output: string;
  errors: string[];
  changedFiles: number;
  /** Files written, in order, for the per-file report. */
  written: string[];
}

export async function digestFor(resolver: DigestResolver, image: string, platform?: string): Promise<string> {
  const request = digestRequestFor(image, platform);
  if ('error' in request) throw new UsageError(request.error);
  return (await resolver.resolve(request)).digest;
}

/** The new text of one file: every unpinned image rewritten, nothing else touched. */
export async function pinText(text: string, resolver: DigestResolver, options: PinOptions, errors: string[], path: string): Promise<string> {
  const plan = planPins(imageFields(parseManifests(text, undefined, { podTemplates: options.podTemplates })));
  const digests = await mapLimited(plan.images, 4, async (image) => {
    try {
      return await digestFor(resolver, image, options.platform);
    } catch (error) {
      errors.push(`${path}: ${image}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  });
  const found = new Map(plan.images.flatMap((image, i) => (digests[i] ? [[image, digests[i]!] as const] : [])));
  const edits = pinEdits(plan, found, options.keepTag).map((e) => ({ span: e.field.span, text: e.newText }));
  edits.sort((a, b) => b.span.start - a.span.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.span.start) + e.text + out.slice(e.span.end);
  return out;
}

export async function pinInputs(inputs: Input[], resolver: DigestResolver, options: PinOptions): Promise<PinOutcome> {
  const errors: string[] = [];
  const diffs: string[] = [];
  const written: string[] = [];
  let changedFiles = 0;
  for (const input of inputs) {
    const next = await pinText(input.text, resolver, options, errors, input.path);
    if (next === input.text) continue;
    if (options.dryRun || input.path === '-') {
      changedFiles++;
      diffs.push(options.dryRun ? unifiedDiff(input.path, input.text, next) : next);
      continue;
    }
    // One file's failure (changed meanwhile, a full disk) is reported and the others are still written.
    try {
      await replaceFileText(input.file, input.text, next);
      changedFiles++;
      written.push(input.path);
    } catch (error) {
      errors.push(`${input.path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { output: diffs.join(''), errors, changedFiles, written };
}
