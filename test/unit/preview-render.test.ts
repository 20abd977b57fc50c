/** The preview's HTML: a strict content security policy, no script, escaped names, the bars and the chart. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderPreview, requestsChartSvg } from '../../client/src/preview/render';

test('renders the timeline and the chart with a strict CSP and no script', () => {
  const html = renderPreview(
    {
      workloads: [
        {
          title: 'Pod <web>',
          summary: 'init → side (sidecar, keeps running) → app',
          steps: [
            { position: 1, name: 'init', type: 'init', waitsFor: 'exit 0', keepsRunning: false },
            { position: 2, name: 'side', type: 'sidecar', waitsFor: 'running', keepsRunning: true },
            { position: 3, name: 'app', type: 'app', waitsFor: 'all', keepsRunning: true },
          ],
          shutdown: [{ position: 1, names: ['app'], note: 'first' }, { position: 2, names: ['side'], note: 'then' }],
          readyWhen: 'app is ready',
          onInitFailure: 'retried',
          phases: [{ label: 'init', cpuMillis: 500, memoryBytes: 1e6, requests: { cpu: '500m' } }, { label: 'app containers', cpuMillis: 250, memoryBytes: 2e6, requests: { cpu: '250m' } }],
          qos: 'Burstable',
          effectiveRequests: { cpu: '500m' },
        },
      ],
    },
    'Pod startup: x.yaml',
  );
  assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'/);
  assert.doesNotMatch(html, /<script/i);
  assert.match(html, /Pod &lt;web&gt;/);
  assert.equal((html.match(/class="bar (init|sidecar|app)"/g) ?? []).length, 3);
  assert.match(html, /class="ready"/);
  assert.equal((html.match(/<polyline/g) ?? []).length, 2);
  assert.match(html, /var\(--vscode-charts-blue, #3794ff\)/);
  assert.match(html, /<p><strong>If an init container fails:<\/strong> retried<\/p>/);
});

test('the requests chart: one scale per resource, the axis top at the largest value, each step labelled with its value', () => {
  const phases = [
    { label: 'init', cpuMillis: 500, memoryBytes: 64 * 2 ** 20, requests: { cpu: '500m', memory: '64Mi' } },
    { label: 'app containers', cpuMillis: 250, memoryBytes: 384 * 2 ** 20, requests: { cpu: '250m', memory: '384Mi' } },
  ];
  const svg = requestsChartSvg(phases);
  const charts = svg.split('</svg>').filter((c) => c.includes('<svg'));
  assert.deepEqual(
    charts.map((c) => [/aria-label="([^"]+)"/.exec(c)?.[1], [...c.matchAll(/class="tick"[^>]*>([^<]*)</g)].map((m) => m[1]), [...c.matchAll(/class="value"[^>]*>([^<]*)</g)].map((m) => m[1])]),
    [
      ['cpu requests by phase', ['500m', '0'], ['500m', '250m']],
      ['memory requests by phase', ['384Mi', '0'], ['64Mi', '384Mi']],
    ],
  );
  assert.deepEqual([...svg.matchAll(/class="phase"[^>]*>([^<]*)</g)].map((m) => m[1]), ['init', 'app containers', 'init', 'app containers']);
  // A resource nobody requests gets no chart rather than a flat line at an invented scale.
  assert.equal(requestsChartSvg(phases.map((p) => ({ ...p, memoryBytes: 0, requests: { cpu: p.requests.cpu } }))).split('<svg').length - 1, 1);
});

test('a Pod without init containers gets no init-container text', () => {
  const html = renderPreview(
    {
      workloads: [
        {
          title: 'CronJob nightly',
          summary: 'job',
          steps: [{ position: 1, name: 'job', type: 'app', waitsFor: 'all', keepsRunning: true }],
          shutdown: [],
          readyWhen: 'job is ready',
          phases: [],
        },
      ],
    },
    'Pod startup: cron.yaml',
  );
  assert.doesNotMatch(html, /init container/i);
});
