/** The preview's HTML: a strict content security policy, no script, escaped names, the bars and the chart. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderPreview } from '../../client/src/preview/render';

test('renders the timeline and the chart with a strict CSP and no script', () => {
  const html = renderPreview(
    {
      workloads: [
        {
          title: 'Pod <web>',
          line: 0,
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
  assert.match(html, /var\(--vscode-charts-blue\)/);
});
