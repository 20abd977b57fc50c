/** yaml-syntax: why kubectl cannot read a document (go-yaml v2's own error, at its place), and documents too large to read. */
import type { Span } from '../model/span';
import type { Rule } from './types';

export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  title: 'YAML syntax error',
  source:
    'kubectl splits files at `---` lines (k8s.io/apimachinery YAMLReader) and converts each document with sigs.k8s.io/yaml over go-yaml v2; a document it cannot convert is rejected whole with this error.',
  description:
    "A document kubectl cannot read, with the error kubectl prints. Pod Lens decides it as Kubernetes' own YAML reader does (YAML 1.1, go-yaml v2's syntax rules), so a quoted value continued on the next line at the key's column is fine, while a tab used as indentation, an undefined alias, `!!int abc`, `%YAML 1.2` or a `.inf` value are errors. Pod Lens still analyses the other documents of the file. Off by default when Red Hat's YAML extension is installed.",
  howToFix: 'Correct the YAML at the marked place (an unclosed quote, a bad indent, a tab used for indentation).',
  check({ model, document, report }) {
    // In a Go template, what does not parse is template code, not a mistake: go-template says so once.
    if (document.isGoTemplate) return;
    for (const e of document.syntaxErrors) {
      // Pod Lens's own limit (JavaScript's stack, not go-yaml's 10,000 levels) is no claim about what kubectl reads.
      const message = e.message.startsWith('Pod Lens ') ? `${e.message}; it is not analysed (kubectl reads up to 10,000 levels).` : `kubectl cannot read this document: ${e.message}`;
      report({ message, span: visible(document.text, e.span), data: { code: e.code } });
    }
    if (document.isCutOff) {
      report({ severity: 'information', message: 'This document is too large for Pod Lens to read within its work budget; it is not analysed.', span: firstLine(document.text) });
    }
    if (model.cutOffAt !== undefined && document.index === model.documents.length - 1) {
      const end = document.text.length;
      report({ severity: 'information', message: `This file has more documents than Pod Lens reads (${model.documents.length}); the rest is not analysed.`, span: { start: Math.max(0, end - 1), end } });
    }
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

function firstLine(text: string): Span {
  const nl = text.indexOf('\n');
  return { start: 0, end: Math.max(1, nl < 0 ? Math.min(text.length, 200) : nl) };
}
