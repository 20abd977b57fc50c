/** yaml-syntax: the YAML parser's own errors, at the parser's ranges. */
import type { Span } from '../model/span';
import type { Rule } from './types';

export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  title: 'YAML syntax error',
  source: 'kubectl and the API server decode manifests as YAML; a document that does not parse is rejected whole.',
  description:
    "A document that is not valid YAML. kubectl cannot decode it, so the whole document is rejected; Pod Lens still analyses the other documents of the file. Off by default when Red Hat's YAML extension is installed, which shows the same errors.",
  howToFix: 'Correct the YAML at the marked place (an unclosed quote, a bad indent, a tab used for indentation).',
  check({ document, report }) {
    // In a Go template, what does not parse is template code, not a mistake: go-template says so once.
    if (document.isTemplated) return;
    for (const e of document.syntaxErrors) report({ message: e.message, span: visible(document.text, e.span), data: { code: e.code } });
  },
};

/** The parser often reports at a line end (an unclosed quote): underline that line's content instead of nothing. */
function visible(text: string, span: Span): Span {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const before = text.slice(lineStart, span.start);
  const rest = text.slice(span.start, Math.min(span.end, text.indexOf('\n', span.start) < 0 ? text.length : text.indexOf('\n', span.start)));
  if (rest.trim() !== '' || before.trim() === '') return span;
  const indent = before.length - before.trimStart().length;
  return { start: lineStart + indent, end: lineStart + before.trimEnd().length };
}
