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
  /** Command id to run when clicked, with arguments. */
  command?: { id: string; arguments: unknown[] };
}

export type LensProvider = (model: ManifestModel, options: AnalysisOptions) => Lens[];

export const LENS_PROVIDERS: LensProvider[] = [startupLens];

export function codeLenses(model: ManifestModel, options: AnalysisOptions = {}): Lens[] {
  const inForce = optionsForFile(model.text, options);
  return LENS_PROVIDERS.flatMap((p) => p(model, inForce));
}
