/** `pod-lens check`: findings of each file as text, JSON or SARIF, and the exit code for --fail-on. */
import { analyze } from '../analysis/analyze';
import { guardInput } from '../analysis/input-guard';
import { parseManifests, type ParseOptions } from '../analysis/model/manifest';
import type { AnalysisOptions } from '../analysis/options';
import type { Finding, Severity } from '../analysis/rules/types';
import type { Input } from './inputs';
import { toSarif } from './sarif';
import { otherPatches, patchBases, WorkspaceIndex } from '../workspace/index';
import { isGoTemplate } from '../analysis/model/manifest';
import { LineIndex } from '../analysis/model/line-index';

export interface CheckedFinding {
  rule: string;
  severity: Severity;
  message: string;
  path: string | null;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface CheckReport {
  files: Array<{ path: string; findings: CheckedFinding[] }>;
  summary: { files: number; errors: number; warnings: number; information: number; hints: number };
}

/** `defaultNamespace`: `--namespace`, where the files' objects without a namespace go ('' for `default`). */
export function checkInputs(inputs: Input[], baseOptions: AnalysisOptions, onFailure: (m: string) => void, parse: ParseOptions = {}, defaultNamespace = ''): CheckReport {
  // The same index as the editor's, over the paths given: pull secrets, ConfigMaps… resolve across these files.
  const index = new WorkspaceIndex(defaultNamespace);
  for (const input of inputs) if (!guardInput(input.text) && !isGoTemplate(input.text)) index.update(input.path, input.text);
  const options: AnalysisOptions = { ...baseOptions, workspace: index };
  const report: CheckReport = { files: [], summary: { files: 0, errors: 0, warnings: 0, information: 0, hints: 0 } };
  for (const input of inputs) {
    const lines = new LineIndex(input.text);
    const skipped = guardInput(input.text);
    let findings: Finding[];
    if (skipped) findings = [skipped];
    else {
      const kustomize = index.kustomizeFacts(input.path);
      const result = analyze(parseManifests(input.text, undefined, parse), kustomize ? { ...options, workspace: index.viewFor(input.path), kustomize, kustomizeBases: patchBases(index, kustomize), kustomizeOtherPatches: otherPatches(index, kustomize, input.path) } : options);
      for (const f of result.failures) onFailure(`rule ${f.rule} failed on ${input.path} document ${f.document}: ${String(f.error)}`);
      findings = result.findings;
    }
    const checked = findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      path: f.path ?? null,
      range: { start: lines.positionOf(f.span.start), end: lines.positionOf(f.span.end) },
    }));
    for (const f of checked) {
      if (f.severity === 'error') report.summary.errors++;
      else if (f.severity === 'warning') report.summary.warnings++;
      else if (f.severity === 'information') report.summary.information++;
      else report.summary.hints++;
    }
    report.files.push({ path: input.path, findings: checked });
    report.summary.files++;
  }
  return report;
}

export function formatCheck(report: CheckReport, format: 'text' | 'json' | 'sarif', version: string): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'sarif') return `${JSON.stringify(toSarif(report, version), null, 2)}\n`;
  const lines: string[] = [];
  for (const file of report.files) {
    for (const f of file.findings) {
      // One finding, one line, never cut: a message that spans lines (a quoted value with a newline) is joined.
      lines.push(`${file.path}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.rule} ${f.message.replace(/\s*[\r\n]+\s*/g, ' ')}`);
    }
  }
  const s = report.summary;
  lines.push(`${s.files} file(s): ${s.errors} error(s), ${s.warnings} warning(s), ${s.information} information`);
  return `${lines.join('\n')}\n`;
}

export function failsOn(report: CheckReport, failOn: 'error' | 'warning' | 'never'): boolean {
  if (failOn === 'never') return false;
  if (failOn === 'error') return report.summary.errors > 0;
  return report.summary.errors + report.summary.warnings > 0;
}
