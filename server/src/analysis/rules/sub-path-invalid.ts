/** sub-path-invalid: subPath must be relative and stay inside the volume; subPath and subPathExpr exclude each other. */
import { fieldPath } from '../model/node-view';
import type { Rule } from './types';
import { quote } from './support/quote';

export const subPathInvalid: Rule = {
  id: 'sub-path-invalid',
  defaultSeverity: 'error',
  title: 'Invalid subPath',
  source:
    'validation.go ValidateVolumeMounts / validateLocalDescendingPath: `must be a relative path`, `must not contain \'..\'`; `subPathExpr and subPath are mutually exclusive`.',
  description: 'A volume mount\'s `subPath` that is absolute or climbs out with `..`, or one written together with `subPathExpr`. The API server rejects the object.',
  howToFix: 'Use a relative path inside the volume, such as `config/app.yaml`, and only one of `subPath` / `subPathExpr`.',
  consequence: 'The API server rejects the object.',
  check({ document, report }) {
    for (const c of document.workload?.podSpec.all ?? []) {
      for (const { view } of c.view.seq('volumeMounts')?.maps() ?? []) {
        const sub = view.get('subPath');
        const expr = view.get('subPathExpr');
        for (const f of [sub, expr]) {
          if (!f || typeof f.value !== 'string' || f.value === '') continue;
          const path = f.path;
          if (f.value.startsWith('/')) report({ message: `Invalid value: ${quote(f.value)}: must be a relative path`, span: f.span, path });
          else if (f.value.split(/[\\/]/).includes('..')) report({ message: `Invalid value: ${quote(f.value)}: must not contain '..'`, span: f.span, path });
        }
        if (sub && expr && sub.value && expr.value) {
          const path = fieldPath(view.path, 'subPathExpr');
          report({ message: `Invalid value: ${quote(expr.value)}: subPathExpr and subPath are mutually exclusive`, span: expr.keySpan, path });
        }
      }
    }
  },
};
