/**
 * Inline patches of a kustomization (`patch: |` under `patches:` or `patchesJson6902`, or a `patchesStrategicMerge`
 * entry written as a block): their text is read as a manifest of its own and checked as a patch (partial: no finding
 * about what it lacks) and as the object it makes on the kustomization's resources (merged-findings.ts), with findings
 * brought back to where their text stands in the kustomization.
 */
import { parseManifests, type ManifestModel } from '../model/manifest';
import type { AnalysisOptions } from '../options';
import type { Finding } from '../rules/types';
import { readKustomization } from './kustomization';

/** A kustomization with more inline patches than this has the rest left unchecked. */
export const MAX_INLINE_PATCHES = 50;

/**
 * The text of a literal block scalar (`|`, `|-`, `|+`) written at `start` in `text`, and for each of its lines the
 * file offset where that line's content starts; undefined for other styles (folded and quoted scalars change the
 * text they hold, so offsets would not map).
 */
export function literalBlock(text: string, start: number, end: number): { content: string; lineStarts: number[] } | undefined {
  const header = /^\|[-+]?[1-9]?[ \t]*(#[^\n]*)?\r?\n/.exec(text.slice(start, end));
  if (!header) return undefined;
  const lines: string[] = [];
  const lineStarts: number[] = [];
  let at = start + header[0].length;
  let indent: number | undefined;
  while (at < end) {
    const nl = text.indexOf('\n', at);
    const lineEnd = nl < 0 || nl > end ? end : nl;
    const line = text.slice(at, lineEnd).replace(/\r$/, '');
    if (line.trim() !== '') indent ??= line.length - line.trimStart().length;
    lines.push(line);
    lineStarts.push(at);
    at = lineEnd + 1;
  }
  if (indent === undefined) return undefined;
  const content = lines.map((l) => (l.trim() === '' ? '' : l.slice(indent))).join('\n');
  return { content, lineStarts: lineStarts.map((s, i) => (lines[i]!.trim() === '' ? s : s + indent!)) };
}

/** A content offset of a literal block as a file offset. */
function toFile(block: { content: string; lineStarts: number[] }, offset: number): number {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset && i < block.content.length; i++) {
    if (block.content[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return (block.lineStarts[line] ?? block.lineStarts[block.lineStarts.length - 1] ?? 0) + (offset - lineStart);
}

export function inlinePatchFindings(model: ManifestModel, options: AnalysisOptions, analyzePatch: (patch: ManifestModel, options: AnalysisOptions) => Finding[]): Finding[] {
  if (!model.documents.some((d) => d.kind === 'Kustomization' || d.kind === 'Component')) return [];
  const k = readKustomization(model);
  if (!k) return [];
  const out: Finding[] = [];
  const facts = options.kustomize;
  for (const patch of k.patches.filter((p) => p.inline !== undefined).slice(0, MAX_INLINE_PATCHES)) {
    // Merged onto what the kustomization builds (its resource files, coverage.ts), at the patch's target when it
    // names one; the kustomization's other patches are not applied under it.
    const asPatch: AnalysisOptions = {
      ...options,
      kustomize: { patchOf: ['(inline)'], vars: facts?.vars ?? [], images: [], patchBases: [], patchTargets: patch.target ? [patch.target] : [], patchOrder: [], replicas: facts?.replicas, replacements: facts?.replacements },
      kustomizeBases: options.kustomizeBases,
      kustomizeOtherPatches: undefined,
    };
    const block = literalBlock(model.text, patch.span.start + k.offset, patch.span.end + k.offset);
    // The block read here must be the scalar's value (up to chomping), or its offsets would point elsewhere.
    if (!block || block.content.replace(/\n+$/, '') !== patch.inline!.replace(/\n+$/, '')) continue;
    for (const f of analyzePatch(parseManifests(block.content), asPatch)) {
      // What is said of the patch's text as a file (its syntax aside) and fixes (edits of the inner text) stay out.
      if (f.rule === 'findings-truncated' || f.rule === 'file-skipped') continue;
      out.push({ ...f, span: { start: toFile(block, f.span.start), end: toFile(block, f.span.end) }, fixes: undefined });
    }
  }
  return out;
}
