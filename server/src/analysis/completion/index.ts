/** completionsAt: value completions for enumerated fields (imagePullPolicy, restartPolicy, every catalog enum) and field names. */
import { documentAt, type ManifestModel } from '../model/manifest';
import { fileTarget } from '../k8s/file-target';
import type { KubernetesTarget } from '../k8s/target';
import type { Span } from '../model/span';
import { enumValues } from './enum-values';
import { fieldNames } from './field-names';
import { kindValues } from './kind-values';
import { policyValues } from './policy-values';

export interface CompletionItem {
  label: string;
  detail: string;
  documentation: string;
  /** File span the item replaces. */
  span: Span;
  sortText?: string;
  /** What to insert instead of the label (a snippet when `isSnippet`). */
  insertText?: string;
  isSnippet?: boolean;
  /** A field name or a value (the default). */
  kind?: 'field' | 'value';
}

export interface CompletionContext {
  model: ManifestModel;
  document: NonNullable<ReturnType<typeof documentAt>>;
  /** Local offset. */
  offset: number;
  /** The file's target: field names the release does not have are not offered. */
  target: KubernetesTarget;
}

/** Providers return LOCAL spans. */
export type CompletionProvider = (context: CompletionContext) => CompletionItem[];

const COMPLETION_PROVIDERS: CompletionProvider[] = [policyValues, enumValues, kindValues, fieldNames];

export function completionsAt(model: ManifestModel, offset: number, target?: KubernetesTarget): CompletionItem[] {
  const document = documentAt(model, offset);
  if (!document) return [];
  const local = offset - document.offset;
  const inForce = fileTarget(model.text, target).target;
  return COMPLETION_PROVIDERS.flatMap((p) => p({ model, document, offset: local, target: inForce })).map((item) => ({
    ...item,
    span: { start: item.span.start + document.offset, end: item.span.end + document.offset },
  }));
}
