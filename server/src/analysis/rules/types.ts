/** The rule record and what rules report: findings with spans, field paths and typed fixes. */
import type { ManifestDocument, ManifestModel } from '../model/manifest';
import type { Span } from '../model/span';
import type { AnalysisOptions } from '../options';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface TextEdit {
  span: Span;
  newText: string;
}

/** Fixes resolved later, by the server, because they need the network (the registry) or the user. */
export interface PinDigestRequest {
  type: 'pin-digest';
  /** The image as written (scalar value). */
  image: string;
}

export interface Fix {
  title: string;
  kind: 'quickfix' | 'refactor' | 'source';
  isPreferred?: boolean;
  /** Edits known now, in the same coordinates as the finding's span. */
  edits?: TextEdit[];
  /** Or: work to do at `codeAction/resolve` time; the edit replaces `span`. */
  deferred?: PinDigestRequest & { span: Span; quote: '' | '"' | "'"; into?: DigestField };
}

/**
 * Where a deferred pin writes the digest when it is not the image scalar itself: a kustomization `images:` entry's
 * `digest:` field. The edit replaces `span` (whose text must still be `before`) with `prefix` + the quoted digest.
 */
export interface DigestField {
  kind: 'kustomize-digest';
  before: string;
  prefix: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  span: Span;
  /** Kubernetes field path, e.g. `spec.template.spec.containers[0].image`. */
  path?: string;
  fixes?: Fix[];
  /** Rendered faded (unnecessary) or struck through (deprecated) by editors. */
  tags?: Array<'unnecessary' | 'deprecated'>;
  /** Typed data for fixes and hovers: never matched by message text. */
  data?: Record<string, unknown>;
}

export type Report = (finding: Omit<Finding, 'rule' | 'severity'> & { severity?: Severity }) => void;

/** What a rule that depends only on its file is handed: every option but the workspace index (see `Rule.scope`). */
export type DocumentOptions = Omit<AnalysisOptions, 'workspace'>;

/** A rule's view of one run; `O` is what its scope lets it read (a workspace rule alone sees `workspace`). */
export interface RuleContext<O extends DocumentOptions = AnalysisOptions> {
  model: ManifestModel;
  /** The document being checked; spans reported are local to it. */
  document: ManifestDocument;
  options: O;
  report: Report;
}

interface RuleRecord {
  /** Stable kebab-case id: file name, diagnostic code, setting key and docs page. */
  id: string;
  defaultSeverity: Severity;
  /** Off unless the user turns it on in `podLens.rules`. */
  enabledByDefault?: boolean;
  /**
   * The rule concludes from what an object lacks (a required field, a missing request, an undeclared volume). A
   * Kustomize patch holds only what it changes, so such rules skip files that kustomizations use as patches.
   */
  judgesAbsence?: boolean;
  /** Its findings are about a Go template's code itself, so they stay where other rules' findings are quieted. */
  speaksOfTemplateCode?: boolean;
  title: string;
  /** The validation error, API warning, kubelet behaviour or practice it enforces, with its place in the source. */
  source: string;
  /** What it finds and what Kubernetes does about it (docs page). */
  description: string;
  /** How to fix it (docs page). */
  howToFix: string;
  /**
   * What Kubernetes does about it, appended to every finding's message, for rules whose messages quote the API's own
   * text (which says what is wrong, not what follows).
   */
  consequence?: string;
}

/**
 * `document` (default): findings depend only on the document itself, so they are reused while it is unchanged.
 * `file`: they depend on other documents of the file too (recomputed on every change).
 * Neither can read the workspace index: their context's options have none (by type, and at run time: findings/cache.ts).
 */
export interface DocumentRule extends RuleRecord {
  scope?: 'document' | 'file';
  check(context: RuleContext<DocumentOptions>): void;
}

/** `workspace`: findings read `options.workspace`, recomputed on every change of the file or of the index. */
export interface WorkspaceRule extends RuleRecord {
  scope: 'workspace';
  check(context: RuleContext): void;
}

export type Rule = DocumentRule | WorkspaceRule;

const DOCS_BASE = 'https://github.com/pod-lens/pod-lens/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}
