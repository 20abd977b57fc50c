/** codeLenses: the lenses of a model (the startup order above each pod spec's containers). */
import type { ManifestModel } from '../model/manifest';
import type { AnalysisOptions } from '../options';
import { optionsForFile } from '../k8s/file-target';
import type { Span } from '../model/span';
import { startupLens } from './startup-lens';

export interface Lens {
  /** File span the lens sits above. */
  span: Span;
  title: string;
  /** What clicking it does, by meaning: the LSP edge (lsp/code-lens.ts) maps it to the shared command id. */
  action?: LensAction;
}

/** Open the startup-order preview of the lens's document. */
export type LensAction = 'show-startup-preview';

export type LensProvider = (model: ManifestModel, options: AnalysisOptions) => Lens[];

const LENS_PROVIDERS: LensProvider[] = [startupLens];

export function codeLenses(model: ManifestModel, options: AnalysisOptions = {}): Lens[] {
  const inForce = optionsForFile(model.text, options);
  return LENS_PROVIDERS.flatMap((p) => p(model, inForce));
}
