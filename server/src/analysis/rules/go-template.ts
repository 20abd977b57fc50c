/** go-template: one quiet note that a file is a Helm/Go template, whose template parts are not analysed. */
import { firstTemplateAction } from '../model/go-template';
import type { Rule } from './types';

export const goTemplate: Rule = {
  id: 'go-template',
  defaultSeverity: 'information',
  scope: 'file',
  speaksOfTemplateCode: true,
  title: 'File is a Go template',
  source: 'Helm and other Go templates are rendered before Kubernetes sees them; only the parts that parse as YAML are checked.',
  description:
    'The file contains Go template markers (`{{ … }}`), as Helm charts do. Kubernetes only sees the rendered output, so Pod Lens checks the parts that parse as YAML, reports no syntax errors for template code, and says so once.',
  howToFix: 'Nothing to fix. To check the rendered manifests, run `helm template … | pod-lens check -`.',
  check({ model, document, report }) {
    // Once per file: on the first templated document.
    if (!document.isGoTemplate) return;
    const first = model.documents.find((d) => d.isGoTemplate);
    // By position: a rule may be handed a view of the document per pod spec (workload-scope.ts), not the object itself.
    if (first?.index !== document.index) return;
    const span = firstTemplateAction(document.text);
    if (!span) return;
    report({ message: 'This file is a Go template: Pod Lens checks what parses as YAML and ignores the template parts.', span });
  },
};
