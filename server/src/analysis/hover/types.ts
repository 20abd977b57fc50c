/** What a hover provider gets (a document and a local offset) and gives (markdown over a local span). */
import type { ManifestDocument, ManifestModel } from '../model/manifest';
import type { Span } from '../model/span';
import type { AnalysisOptions } from '../options';

export interface HoverContext {
  model: ManifestModel;
  document: ManifestDocument;
  /** Offset local to the document's chunk. */
  offset: number;
  options: AnalysisOptions;
}

export interface HoverResult {
  markdown: string;
  /** Local span in a provider's result; a file span once `hoverAt` returns it. */
  span: Span;
  /**
   * The hover already says what matters here, with links to the docs: hoverAt does not add the field's catalog
   * description under it (a hover must fit its box without scrolling).
   */
  complete?: boolean;
}

export type HoverProvider = (context: HoverContext) => HoverResult | undefined;

export { contains } from '../model/span';
