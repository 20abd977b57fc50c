/** sub-path-invalid: subPath must be relative and stay inside the volume; subPath and subPathExpr exclude each other. */
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
      for (const mount of c.fields.volumeMounts) {
        const sub = mount.subPath;
        const expr = mount.subPathExpr;
        for (const f of [sub, expr]) {
          const value = f?.value;
          if (!f || !value) continue;
          const path = f.path;
          if (value.startsWith('/')) report({ message: `Invalid value: ${quote(value)}: must be a relative path`, span: f.span, path });
          else if (value.split(/[\\/]/).includes('..')) report({ message: `Invalid value: ${quote(value)}: must not contain '..'`, span: f.span, path });
        }
        // Both written with a non-empty value; a mistyped one (`written`) still sets its field.
        if (sub && expr && sub.written && expr.written) {
          report({ message: `Invalid value: ${quote(expr.written)}: subPathExpr and subPath are mutually exclusive`, span: expr.keySpan, path: expr.path });
        }
      }
    }
  },
};
