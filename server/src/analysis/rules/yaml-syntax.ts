/** yaml-syntax: the YAML parser's own errors, at the parser's ranges. */
import type { Rule } from './types';

export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  title: 'YAML syntax error',
  source: 'kubectl and the API server decode manifests as YAML; a document that does not parse is rejected whole.',
  check({ document, report }) {
    // In a Go template, what does not parse is template code, not a mistake: go-template says so once.
    if (document.isTemplated) return;
    for (const e of document.syntaxErrors) report({ message: e.message, span: e.span, data: { code: e.code } });
  },
};
