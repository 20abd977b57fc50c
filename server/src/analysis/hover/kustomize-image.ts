/** The image hover's lines on what the workspace's kustomizations (`images:`) make of an image, per build. */
import type { KustomizeFacts } from '../kustomize/coverage';
import { applyImageRules } from '../kustomize/images';
import { mdCode } from './markdown';

/** A kustomization named as people see it: its folder's last two segments and the file name. */
export function shortPlace(place: string): string {
  return place.replace(/^file:\/\/[^/]*/, '').split('/').slice(-3).join('/');
}

export function kustomizedImageLines(raw: string, facts: KustomizeFacts | undefined): string[] {
  const lines: string[] = [];
  for (const { kustomization, rules } of facts?.images ?? []) {
    const after = applyImageRules(raw, rules);
    if (after !== raw) lines.push(`**After Kustomize** (${mdCode(shortPlace(kustomization))}): ${mdCode(after)} — the \`images:\` entries rewrite it; this is what the cluster runs.`, '');
  }
  return lines;
}
