/** Source positions of the analysis core: UTF-16 offsets into the document text, the unit LSP uses by default. */

export interface Span {
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

/** Whether `offset` is inside `span`, its end included (a cursor just after a value is still on it). */
export function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/** A value read from the manifest, with where it was written and its Kubernetes field path. */
export interface Located<T> {
  value: T;
  span: Span;
  /** The field path as the API server writes it in errors, e.g. `spec.template.spec.containers[0].image`. */
  path: string;
}
