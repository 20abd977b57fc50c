/** SARIF 2.1.0 for GitHub code scanning: the rule table as tool rules, findings as results with 1-based regions. */
import { RULES } from '../analysis/rules/index';
import { docsUrl, type Severity } from '../analysis/rules/types';
import type { CheckReport } from './check';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function toSarif(report: CheckReport, version: string): unknown {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pod-lens',
            version,
            informationUri: 'https://github.com/pod-lens/pod-lens',
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.title },
              fullDescription: { text: r.source },
              helpUri: docsUrl(r.id),
              defaultConfiguration: { level: LEVEL[r.defaultSeverity], enabled: r.enabledByDefault !== false },
            })),
          },
        },
        results: report.files.flatMap((file) =>
          file.findings.map((f) => ({
            ruleId: f.rule,
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: file.path.replace(/\\/g, '/') },
                  region: {
                    startLine: f.range.start.line + 1,
                    startColumn: f.range.start.character + 1,
                    endLine: f.range.end.line + 1,
                    endColumn: f.range.end.character + 1,
                  },
                },
              },
            ],
            ...(f.path ? { properties: { fieldPath: f.path } } : {}),
          })),
        ),
      },
    ],
  };
}
