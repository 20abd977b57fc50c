/** Renders the startup preview as static HTML + SVG (no script), themed with VS Code's CSS variables. */
import type { PreviewPhase, PreviewWorkload, StartupPlanResult } from '../../../protocol/startup-plan';

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const ROW = 26;
const LABEL = 170;
const SLOT = 120;

/** The timeline: init containers as consecutive bars, sidecars running on, app containers in parallel, Ready. */
function timelineSvg(w: PreviewWorkload): string {
  const initSteps = w.steps.filter((s) => s.type !== 'app');
  const appStart = initSteps.length;
  const slots = appStart + 2;
  const width = LABEL + slots * SLOT + 20;
  const height = (w.steps.length + 1) * ROW + 30;
  const parts: string[] = [];
  w.steps.forEach((s, row) => {
    const y = 10 + row * ROW;
    const start = s.type === 'app' ? appStart : row;
    const end = s.type === 'init' ? row + 1 : slots;
    const cls = s.type;
    parts.push(`<text x="4" y="${y + 16}" class="label">${esc(s.name)}</text>`);
    parts.push(`<rect x="${LABEL + start * SLOT}" y="${y + 3}" width="${(end - start) * SLOT - 4}" height="${ROW - 8}" rx="3" class="bar ${cls}"><title>${esc(`${s.name}: ${s.type}, waits for ${s.waitsFor}`)}</title></rect>`);
    parts.push(`<text x="${LABEL + start * SLOT + 6}" y="${y + 16}" class="bar-text">${esc(s.type === 'init' ? 'runs to exit 0' : s.type === 'sidecar' ? 'sidecar, keeps running' : 'app')}</text>`);
  });
  const readyX = LABEL + (appStart + 1) * SLOT - 10;
  parts.push(`<line x1="${readyX}" y1="4" x2="${readyX}" y2="${10 + w.steps.length * ROW}" class="ready"/>`);
  parts.push(`<text x="${readyX + 4}" y="${22 + w.steps.length * ROW}" class="ready-text">Ready</text>`);
  return `<svg role="img" aria-label="Startup timeline of ${esc(w.title)}" width="100%" style="max-width:${width}px" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}

/** One resource's requests through the phases: its own scale from 0, an axis, and the exact value on each step. */
function resourceChart(phases: PreviewPhase[], resource: 'cpu' | 'memory', value: (p: PreviewPhase) => number): string {
  const top = 28;
  const base = 118;
  const width = LABEL + phases.length * SLOT + 20;
  const max = Math.max(...phases.map(value));
  if (!(max > 0)) return '';
  const y = (p: PreviewPhase) => base - (value(p) / max) * (base - top);
  const points = phases.map((p, i) => `${LABEL + i * SLOT},${y(p).toFixed(1)} ${LABEL + (i + 1) * SLOT},${y(p).toFixed(1)}`).join(' ');
  const values = phases
    .map((p, i) => `<text x="${LABEL + i * SLOT + SLOT / 2}" y="${(y(p) - 6).toFixed(1)}" class="value" text-anchor="middle">${esc(p.requests[resource] ?? '0')}</text>`)
    .join('');
  const maxText = phases.find((p) => value(p) === max)?.requests[resource] ?? '';
  const axis =
    `<line x1="${LABEL - 6}" y1="${top}" x2="${LABEL - 6}" y2="${base}" class="axis"/>` +
    `<line x1="${LABEL - 6}" y1="${base}" x2="${LABEL + phases.length * SLOT}" y2="${base}" class="axis"/>` +
    `<text x="${LABEL - 10}" y="${top + 4}" class="tick" text-anchor="end">${esc(maxText)}</text>` +
    `<text x="${LABEL - 10}" y="${base + 4}" class="tick" text-anchor="end">0</text>`;
  const labels = phases.map((p, i) => `<text x="${LABEL + i * SLOT + SLOT / 2}" y="${base + 20}" class="phase" text-anchor="middle">${esc(p.label)}</text>`).join('');
  return `<svg role="img" aria-label="${resource} requests by phase" width="100%" style="max-width:${width}px" viewBox="0 0 ${width} ${base + 30}">
<text x="4" y="${top + 20}" class="label ${resource}-text">${resource} requests</text>${axis}<polyline points="${points}" class="${resource}"/>${values}${labels}</svg>`;
}

/** Effective cpu and memory requests through the phases, each on its own scale (they share no unit). */
export function requestsChartSvg(phases: PreviewPhase[]): string {
  if (phases.length === 0) return '';
  return resourceChart(phases, 'cpu', (p) => p.cpuMillis) + resourceChart(phases, 'memory', (p) => p.memoryBytes);
}

function table(record: Record<string, string> | undefined): string {
  const rows = Object.entries(record ?? {});
  return rows.length ? rows.map(([k, v]) => `<code>${esc(k)}</code> ${esc(v)}`).join(', ') : '—';
}

function workloadSection(w: PreviewWorkload): string {
  return `<section>
<h2>${esc(w.title)}</h2>
<p class="summary">${esc(w.summary)}</p>
${timelineSvg(w)}
<p><strong>Ready:</strong> ${esc(w.readyWhen)}</p>
${w.onInitFailure ? `<p><strong>If an init container fails:</strong> ${esc(w.onInitFailure)}</p>` : ''}
${w.jobNote ? `<p><strong>Job:</strong> ${esc(w.jobNote)}</p>` : ''}
<h3>Shutdown order</h3>
<ol>${w.shutdown.map((s) => `<li>${esc(s.names.join(', '))} — ${esc(s.note)}</li>`).join('')}</ol>
<h3>Effective requests by phase${w.qos ? ` · QoS ${esc(w.qos)}` : ''}</h3>
${requestsChartSvg(w.phases)}
<p>Requests: ${table(w.effectiveRequests)} · Limits: ${table(w.effectiveLimits)}</p>
</section>`;
}

export function renderPreview(plan: StartupPlanResult, title: string): string {
  const body = plan.workloads.length ? plan.workloads.map(workloadSection).join('\n') : '<p>No pod spec in this file.</p>';
  // No scripts and no network: the content security policy allows only inline styles.
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;">
<title>${esc(title)}</title>
<style>
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 16px; }
h2 { font-size: 1.2em; border-bottom: 1px solid var(--vscode-panel-border); }
.label, .phase, .bar-text, .ready-text, .value, .tick { fill: var(--vscode-foreground); font-size: 14px; }
.tick { font-size: 12px; opacity: 0.85; }
.axis { stroke: var(--vscode-foreground); stroke-width: 1; opacity: 0.6; }
.bar-text { fill: var(--vscode-button-foreground); }
/* High-contrast themes: outlines that do not rely on colour alone, and dark text on their light bars. Chart colours
   fall back to fixed ones where a theme leaves them out (the dark high-contrast theme has no charts.orange). */
.vscode-high-contrast .bar { stroke: var(--vscode-contrastBorder); stroke-width: 1; }
.vscode-high-contrast:not(.vscode-high-contrast-light) .bar-text { fill: #000; }
.bar.init { fill: var(--vscode-charts-blue, #3794ff); }
.bar.sidecar { fill: var(--vscode-charts-purple, #b180d7); }
.bar.app { fill: var(--vscode-charts-green, #89d185); }
.ready { stroke: var(--vscode-charts-orange, #d18616); stroke-width: 2; stroke-dasharray: 4 3; }
.cpu { fill: none; stroke: var(--vscode-charts-blue, #3794ff); stroke-width: 2; }
.memory { fill: none; stroke: var(--vscode-charts-orange, #d18616); stroke-width: 2; }
.cpu-text { fill: var(--vscode-charts-blue, #3794ff); } .memory-text { fill: var(--vscode-charts-orange, #d18616); }
.summary { font-family: var(--vscode-editor-font-family); }
</style></head><body><h1>${esc(title)}</h1>${body}</body></html>`;
}
